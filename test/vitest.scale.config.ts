// The opt-in scale suite (npm run test:scale): the same settings, only the *.scale.test.ts files, with time for their size.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({ ...base, test: { ...base.test, testTimeout: 600_000, include: ['test/**/*.scale.test.ts'], exclude: ['**/node_modules/**'] } });
