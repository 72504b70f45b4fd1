#!/usr/bin/env node
// Entry point: the only place that sets the process exit code.
import { run } from '../dist/cli.js';
import { nodeIo } from '../dist/io/node-io.js';

process.exitCode = await run(process.argv.slice(2), nodeIo());
