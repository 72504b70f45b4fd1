#!/usr/bin/env node
// Entry point: the only place that sets the process exit code. It runs the bundled command line (dist/bundle/, written
// by the build: a few files to load instead of gk's every module), or the plain compiled modules if that is missing.
import { existsSync } from 'node:fs';
import v8 from 'node:v8';

// gk works through governments one at a time: what stays alive is small (about 20 MB per thread at province scale)
// while each government leaves much garbage behind. V8 would let the old space grow to four times the live size
// before collecting it; half again keeps the peak of a province validate near 135 MB a thread instead of 190, for no
// more CPU time (issue 12). V8 reads the factor at each collection, so setting it here, before any work, takes effect.
v8.setFlagsFromString('--heap-growing-percent=50');

const bundled = new URL('../dist/bundle/cli.js', import.meta.url);
const { run, nodeIo } = await import(existsSync(bundled) ? bundled.href : '../dist/cli.js');
process.exitCode = await run(process.argv.slice(2), nodeIo());
