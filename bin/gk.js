#!/usr/bin/env node
// Entry point: the only place that sets the process exit code. It runs the bundled command line (dist/bundle/, written
// by the build: a few files to load instead of gk's every module, with V8's code cache beside them), or the plain
// compiled modules if that is missing. dist/io/code-cache.js says how, and which V8 flags every gk process runs with.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requireBundle, setV8Flags } from '../dist/io/code-cache.js';

setV8Flags();
const bundled = fileURLToPath(new URL('../dist/bundle/cli.js', import.meta.url));
const { run, nodeIo } = existsSync(bundled) ? requireBundle(bundled) : await import('../dist/cli.js');
process.exitCode = await run(process.argv.slice(2), nodeIo());
