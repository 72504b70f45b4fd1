// Build step (`npm run build`, after tsc): everything a run would otherwise work out anew each time.
//   dist/check/schema/validators.cjs   the schema validators as ajv standalone code
//   dist/standard/bundle.json    the bundled editions and vocabularies as JSON (src/load/prepared.ts)
//   dist/commands/summaries.json what `gk --help` lists, so it loads no command module
//   dist/bundle/                 the command line and its workers bundled, with V8 code caches (src/commands/bundle.ts)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCommandSummaries } from './index.js';
import { writeFileAtomic } from '../io/files.js';
import { precompiledSource } from '../check/schema/validate.js';
import { prepareBundle } from '../load/prepared.js';
import { generatedSchemas } from '../check/validate.js';
import { writeBundle, writeBundleCodeCaches } from './bundle.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// The prepared data first: the schemas are generated from the edition and vocabularies it holds.
const { skipped } = prepareBundle();
for (const file of skipped) process.stderr.write(`gk build: catalogs/standard/${file} left as YAML (not JSON-representable or not valid YAML)\n`);
writeFileAtomic(path.join(here, '..', 'check', 'schema', 'validators.cjs'), precompiledSource(generatedSchemas()));
await writeCommandSummaries(path.join(here, 'summaries.json'));
// Last, as it bundles the files written above (src/commands/bundle.ts).
await writeBundle(path.join(here, '..'));
writeBundleCodeCaches(path.join(here, '..'), path.join(here, '..', '..', 'catalogs', 'examples', 'shiyan-county'));
