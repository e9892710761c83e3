// The action's entry (dist/index.js): wires the real @actions/core, github context and environment into runAction.
import './shared/v8-flags.js';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { runAction } from './platform/github.js';

await runAction({ core, github: github.context, env: process.env });
// As in cli.ts: once the step's outputs and artifact are done, a connection left behind cannot keep it running.
setTimeout(() => process.exit(), 2000).unref();
