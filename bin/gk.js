#!/usr/bin/env node
// Entry point: the only place that sets the process exit code. It runs the bundled command line (dist/bundle/, written
// by the build: a few files to load instead of gk's every module), or the plain compiled modules if that is missing.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/bundle/cli.js', import.meta.url);
const { run, nodeIo } = await import(existsSync(bundled) ? bundled.href : '../dist/cli.js');
process.exitCode = await run(process.argv.slice(2), nodeIo());
