// health: the health check every command starts with (../run.ts), and nothing after it.
import type { CommandContext } from './contract.js';

export async function runHealth(ctx: CommandContext) {
  return ctx.report;
}
