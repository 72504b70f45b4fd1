// Raw parsed data → typed catalog files and manifests, leniently: bad shapes are the schema's to report, not ours.
import type { CatalogFile, Deviation, Exclusion, ItemField, ItemSpec, Level, Manifest, Severity } from '../model/types.js';
import { LEVEL_MARKS, LEVELS } from '../model/levels.js';
import { AUDIENCES, MODES, PUBLICS } from '../model/values.js';
import { ITEM_FIELDS } from '../model/types.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function strList(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const x of v) {
      const s = str(x);
      if (s !== undefined) out.push(s);
    }
    return out;
  }
  const s = str(v);
  return s === undefined ? undefined : [s];
}

function enumList<T extends string>(v: unknown, allowed: readonly T[]): T[] | undefined {
  const list = strList(v);
  // Nearly always every value is allowed: the list itself then, not a copy.
  if (list === undefined || list.every((x) => (allowed as readonly string[]).includes(x))) return list as T[] | undefined;
  return list.filter((x): x is T => (allowed as readonly string[]).includes(x));
}

export function readItem(raw: unknown): ItemSpec {
  const r = isRecord(raw) ? raw : {};
  const item: ItemSpec = { id: str(r.id) ?? '' };
  const set = <K extends keyof ItemSpec>(key: K, value: ItemSpec[K] | undefined) => {
    if (value !== undefined) item[key] = value;
  };
  set('standard', str(r.standard));
  set('parentItem', str(r['parent-item']));
  set('renamedFrom', strList(r.renamed_from));
  set('category', str(r.category));
  set('name', str(r.name));
  set('content', str(r.content));
  set('basis', strList(r.basis));
  set('deadline', str(r.deadline));
  set('subject', str(r.subject));
  set('channels', strList(r.channels));
  set('audience', enumList(r.audience, AUDIENCES));
  set('mode', enumList(r.mode, MODES));
  set('levels', enumList(r.levels, LEVEL_MARKS));
  set('publics', enumList(r.publics, PUBLICS));
  set('note', str(r.note));
  set('seq', str(r.seq));
  set('source', str(r.source));
  set('levelsAsWritten', str(r.levelsAsWritten));
  if (Array.isArray(r.deviations)) {
    const deviations: Deviation[] = [];
    for (const d of r.deviations) {
      if (isRecord(d) && typeof d.field === 'string' && (ITEM_FIELDS as readonly string[]).includes(d.field)) {
        deviations.push({ field: d.field as ItemField, reason: str(d.reason) ?? '' });
      }
    }
    item.deviations = deviations;
  }
  return item;
}

export function readCatalogFile(raw: unknown, file: string): CatalogFile {
  const r = isRecord(raw) ? raw : {};
  const items = Array.isArray(r.items) ? r.items.map(readItem) : [];
  const exclusions: Exclusion[] = [];
  if (Array.isArray(r.exclusions)) {
    for (const e of r.exclusions) {
      if (!isRecord(e)) continue;
      const ex: Exclusion = { standard: str(e.standard) ?? '' };
      const reason = str(e.reason);
      if (reason !== undefined) ex.reason = reason;
      exclusions.push(ex);
    }
  }
  return { file, domain: str(r.domain) ?? '', items, exclusions };
}

export function readManifest(raw: unknown, file: string): Manifest {
  const r = isRecord(raw) ? raw : {};
  const level = str(r.level);
  const domains: Record<string, string> = {};
  if (isRecord(r.domains)) for (const [k, v] of Object.entries(r.domains)) domains[k] = str(v) ?? k;
  const rules: Record<string, Severity | 'off'> = {};
  if (isRecord(r.rules)) {
    for (const [k, v] of Object.entries(r.rules)) {
      if (v === 'error' || v === 'warning' || v === 'off') rules[k] = v;
      else if (v === false) rules[k] = 'off';
    }
  }
  const m: Manifest = {
    file,
    name: str(r.name) ?? '',
    code: str(r.code) ?? '',
    level: (LEVELS as readonly string[]).includes(level ?? '') ? (level as Level) : 'county',
    standard: str(r.standard) ?? 'national-2020',
    domains,
    rules,
  };
  const parent = str(r.parent);
  if (parent !== undefined) m.parent = parent;
  if (r.workspace === true) m.workspace = true;
  const city = str(r.city);
  if (city !== undefined) m.city = city;
  if (isRecord(r.site)) {
    m.site = {};
    if (typeof r.site.coverage === 'boolean') m.site.coverage = r.site.coverage;
  }
  if (isRecord(r.departments)) {
    m.departments = {};
    for (const [k, v] of Object.entries(r.departments)) {
      const s = str(v);
      if (s !== undefined) m.departments[k] = s;
    }
  }
  if (isRecord(r.milestones)) {
    m.milestones = {};
    for (const [k, v] of Object.entries(r.milestones)) {
      const s = v instanceof Date ? v.toISOString().slice(0, 10) : str(v);
      if (s !== undefined) m.milestones[k] = s;
    }
  }
  return m;
}

/** Whether an element is written: not absent, not blank, not an empty list. */
export function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'string' || value.trim() !== '';
}
