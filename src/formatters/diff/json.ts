// The machine format: a documented, stable shape (schemas/diff.schema.json), `schemaVersion: 1`.
import { isOwnValue } from '../../resolve/standard.js';
import { ITEM_FIELDS, type ResolvedItem } from '../../model/types.js';
import { listLostValues } from '../../diff/compare.js';
import type { DomainCoverage, FieldChange, StandardEntry } from '../../diff/types.js';
import type { DiffFormatOptions, DiffFormatter, StandardResult, VersionResult } from './types.js';

export const DIFF_SCHEMA_VERSION = 1;

type Json = Record<string, unknown>;

function itemJson(item: ResolvedItem): Json {
  const fields: Json = {};
  const inherited: string[] = [];
  for (const field of ITEM_FIELDS) {
    const f = item.fields[field];
    if (f === undefined) continue;
    fields[field] = f.value;
    if (!isOwnValue(item, field)) inherited.push(field);
  }
  const out: Json = { id: item.id, domain: item.domain, file: item.file, path: ['items', item.index] };
  if (item.standard !== undefined) out.standard = item.standard;
  out.fields = fields;
  out.inherited = inherited;
  return out;
}

function changeJson(change: FieldChange, options: DiffFormatOptions, names: { before: string; after: string }): Json {
  const out: Json = { field: change.field, [names.before]: change.before, [names.after]: change.after };
  if (change.weakens !== undefined) {
    out.weakens = change.weakens;
    const lost = listLostValues(change, options.channels);
    if (lost.length > 0) out.lost = lost;
  }
  if (change.declared !== undefined) out.declared = change.declared;
  return out;
}

/** A village's (not measured) has null for applicable, missing and coverage: it owes no national item. */
function coverageJson(c: DomainCoverage, measured: boolean): Json {
  const { domain, name, applicable, adopted, adapted, excluded, missing, local, unknown, weakening, coverage } = c;
  if (!measured) return { domain, name, applicable: null, adopted, adapted, excluded, missing: null, local, unknown, weakening, coverage: null };
  return { domain, name, applicable, adopted, adapted, excluded, missing, local, unknown, weakening, coverage: Math.round(coverage * 10000) / 10000 };
}

function entryJson(entry: StandardEntry, options: DiffFormatOptions): Json {
  const s = entry.standard;
  const standard: Json = { id: s.id, domain: s.domain };
  if (s.category !== undefined) standard.category = s.category;
  if (s.name !== undefined) standard.name = s.name;
  const out: Json = { status: entry.status, standard, items: entry.items.map((i) => i.id) };
  if (entry.file !== undefined) out.file = entry.file;
  if (entry.path !== undefined) out.path = entry.path;
  if (entry.reason !== undefined) out.reason = entry.reason;
  out.changes = entry.changes.map((c) => changeJson(c, options, { before: 'national', after: 'local' }));
  return out;
}

function formatStandard(results: readonly StandardResult[], options: DiffFormatOptions): string {
  const doc = {
    schemaVersion: DIFF_SCHEMA_VERSION,
    kind: 'standard',
    notices: options.notices,
    results: results.map(({ government, diff }) => {
      const edition: Json = { id: diff.edition.id, partial: diff.edition.partial, items: diff.edition.items };
      if (diff.edition.officialRows !== undefined) edition.officialRows = diff.edition.officialRows;
      return {
        government: { path: government, ...diff.government },
        edition,
        total: coverageJson(diff.total, diff.measured),
        domains: diff.domains.map((d) => coverageJson(d, diff.measured)),
        entries: diff.entries.map((e) => entryJson(e, options)),
        local: diff.local.map(itemJson),
        unknown: diff.unknown.map(itemJson),
      };
    }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function formatVersions(results: readonly VersionResult[], options: DiffFormatOptions): string {
  const doc = {
    schemaVersion: DIFF_SCHEMA_VERSION,
    kind: 'versions',
    notices: options.notices,
    results: results.map((r) => ({
      government: { path: r.government, name: r.name },
      from: r.diff.from,
      to: r.diff.to,
      counts: r.diff.counts,
      changes: r.diff.changes.map((c) => {
        const out: Json = { kind: c.kind, id: c.id };
        if (c.previousId !== undefined) out.previousId = c.previousId;
        out.domain = c.domain;
        if (c.previousDomain !== undefined) out.previousDomain = c.previousDomain;
        out.class = c.class;
        out.changes = c.changes.map((f) => ({ ...changeJson(f, options, { before: 'before', after: 'after' }), class: f.class }));
        if (c.before) out.before = itemJson(c.before);
        if (c.after) out.after = itemJson(c.after);
        return out;
      }),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const jsonFormatter: DiffFormatter = { standard: formatStandard, versions: formatVersions };
