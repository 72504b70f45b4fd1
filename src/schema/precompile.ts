// Build step (npm run build): writes dist/schema/validators.cjs, the schema validators as ajv standalone code.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/files.js';
import { generatedSchemas } from '../validate.js';
import { precompiledSource } from './validate.js';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'validators.cjs');
writeFileAtomic(out, precompiledSource(generatedSchemas()));
