// catalog.json: the resolved catalog in a fixed key order (schemas/catalog-output.schema.json); with `provenance`,
// every element's value comes with its origin (the national item or the local file and path it was taken from).
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { StandardDiff } from '../diff/types.js';
import { ITEM_FIELDS, type Origin, type ResolvedCatalog } from '../model/types.js';

/** 2: elements are plain values unless built with --provenance (1 always carried { value, origin }). */
export const CATALOG_JSON_SCHEMA_VERSION = 2;

export interface JsonInput {
  catalog: ResolvedCatalog;
  diff: StandardDiff;
  /** A file as the catalog names it (relative to the working directory) → relative to the catalog folder. */
  catalogPath(file: string): string;
  /** The catalog's own files, relative to its folder, for provenance. */
  sources: ReadonlyArray<{ file: string; text: string }>;
  date?: string;
  generator: string;
  /** every element as { value, origin } rather than its value alone (gk build --provenance) */
  provenance?: boolean;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function originJson(origin: Origin, input: JsonInput) {
  if (origin.kind === 'standard') {
    const file = path.relative(input.catalog.edition.dir, origin.file).split(path.sep).join('/');
    return { kind: 'standard', edition: input.catalog.edition.id, id: origin.id, file, path: [...origin.path] };
  }
  return { kind: 'local', file: input.catalogPath(origin.file), path: [...origin.path] };
}

function ratio(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** Domain by domain as the pages and CSV list them (the catalog keeps its files' order), each domain as written. */
function inDomainOrder<T extends { domain: string }>(catalog: ResolvedCatalog, list: readonly T[]): T[] {
  const rank = new Map(catalog.domains.map((d, i) => [d.id, i]));
  const at = (x: T) => rank.get(x.domain) ?? Number.MAX_SAFE_INTEGER;
  return list.map((x, i) => ({ x, i })).sort((a, b) => at(a.x) - at(b.x) || a.i - b.i).map(({ x }) => x);
}

export function buildCatalogJson(input: JsonInput): object {
  const { catalog, diff } = input;
  const m = catalog.manifest;
  const government: Record<string, unknown> = { name: m.name, code: m.code, level: m.level, standard: m.standard };
  if (m.parent !== undefined) government.parent = m.parent;
  const e = catalog.edition;
  const edition: Record<string, unknown> = { id: e.id, title: e.title, partial: e.partial, items: e.items.size };
  if (e.officialRows !== undefined) edition.officialRows = e.officialRows;
  const coverage = new Map(diff.domains.map((c) => [c.domain, c]));
  const seqs = new Map<string, number>();
  return {
    schemaVersion: CATALOG_JSON_SCHEMA_VERSION,
    government,
    edition,
    domains: catalog.domains.map((d) => {
      const c = coverage.get(d.id);
      return {
        id: d.id,
        name: d.name,
        standard: d.standard,
        items: catalog.items.filter((i) => i.domain === d.id).length,
        // A village's is null: coverage is measured for counties and townships only (as gk diff and gk report).
        coverage: !diff.measured
          ? null
          : {
              applicable: c?.applicable ?? 0,
              adopted: c?.adopted ?? 0,
              adapted: c?.adapted ?? 0,
              excluded: c?.excluded ?? 0,
              missing: c?.missing ?? 0,
              local: c?.local ?? 0,
              ratio: ratio(c?.coverage ?? 1),
            },
      };
    }),
    items: inDomainOrder(catalog, catalog.items).map((item) => {
      const seq = (seqs.get(item.domain) ?? 0) + 1;
      seqs.set(item.domain, seq);
      const out: Record<string, unknown> = { id: item.id, domain: item.domain, seq };
      if (item.standard !== undefined) out.standard = item.standard;
      if (item.parentItem !== undefined) out.parentItem = item.parentItem;
      const fields: Record<string, unknown> = {};
      for (const key of ITEM_FIELDS) {
        const f = item.fields[key];
        if (f) fields[key] = input.provenance === true ? { value: f.value, origin: originJson(f.origin, input) } : f.value;
      }
      out.fields = fields;
      out.deviations = item.deviations.map((d) => ({ field: d.field, reason: d.reason }));
      out.renamedFrom = [...item.renamedFrom];
      if (item.note !== undefined) out.note = item.note;
      out.source = { file: input.catalogPath(item.file), path: ['items', item.index] };
      return out;
    }),
    exclusions: inDomainOrder(catalog, catalog.exclusions).map((x) => {
      const out: Record<string, unknown> = { standard: x.standard, domain: x.domain };
      if (x.reason !== undefined) out.reason = x.reason;
      out.source = { file: input.catalogPath(x.file), path: ['exclusions', x.index] };
      return out;
    }),
    provenance: {
      generator: input.generator,
      date: input.date ?? null,
      edition: e.id,
      files: [...input.sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((s) => ({ file: s.file, sha256: sha256(s.text) })),
    },
  };
}

/**
 * One line per entry: the top-level keys each on a line of their own, and each domain, item and exclusion on one line
 * of compact JSON inside its list, so a diff of two builds names the items that changed while the file stays about a
 * quarter smaller than indented JSON, and the bulk of it is written by JSON.stringify (a city has 78,000 items).
 */
export function formatCatalogJson(input: JsonInput): string {
  const doc = buildCatalogJson(input) as Record<string, unknown>;
  const list = (values: readonly unknown[]) => (values.length === 0 ? '[]' : `[\n${values.map((v) => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`);
  const lines = Object.entries(doc).map(([key, value]) => `  ${JSON.stringify(key)}: ${Array.isArray(value) ? list(value) : JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
