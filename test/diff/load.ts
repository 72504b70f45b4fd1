// Test helpers for diff: a fixture government loaded, resolved and compared with its edition.
import path from 'node:path';
import { diffAgainstStandard } from '../../src/diff/standard.js';
import { loadGovernment, type Government } from '../../src/load/government.js';
import { resolveCatalog } from '../../src/resolve/standard.js';
import { resolveEdition } from '../../src/check/validate.js';
import type { Lang, ResolvedCatalog } from '../../src/model/types.js';
import type { StandardDiff } from '../../src/diff/types.js';
import { fixtures, repoRoot } from '../helpers.js';

export const diffFixtures = path.join(fixtures, 'diff');

export function resolveFixture(dir: string, lang: Lang = 'zh'): { government: Government; resolved: ResolvedCatalog } {
  const government = loadGovernment(path.resolve(diffFixtures, dir), repoRoot, lang);
  const { edition } = resolveEdition(government, lang);
  if (!edition) throw new Error(`no edition for ${dir}`);
  return { government, resolved: resolveCatalog(government, edition) };
}

export function countyDiff(lang: Lang = 'zh'): { government: Government; resolved: ResolvedCatalog; diff: StandardDiff } {
  const { government, resolved } = resolveFixture('county', lang);
  return { government, resolved, diff: diffAgainstStandard(resolved) };
}
