// Each command's runner, one module per command: the half of the command record that cannot live
// in ../config/commands.ts (config sits below the commands). Typed against every name in COMMANDS,
// so a command without a runner does not compile.
import type { Command } from '../config/commands.js';
import { runBatch } from './batch.js';
import type { CommandRunner } from './contract.js';
import { runDelete } from './delete.js';
import { runGenerate } from './generate.js';
import { runHealth } from './health.js';
import { runList } from './list.js';
import { runMonitor } from './monitor.js';
import { runReset } from './reset.js';
import { runRotate } from './rotate.js';
import { runUsage } from './usage.js';

export const RUNNERS: Readonly<Record<Command, CommandRunner>> = {
  health: runHealth,
  generate: runGenerate,
  batch: runBatch,
  list: runList,
  usage: runUsage,
  monitor: runMonitor,
  reset: runReset,
  delete: runDelete,
  rotate: runRotate,
};
