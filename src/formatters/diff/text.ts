// The terminal format: a summary, then each domain's entries or changes, one line each, field changes below them.
import { Chalk, type ChalkInstance } from 'chalk';
import { say } from '../../model/i18n.js';
import { NO_COVERAGE } from '../../model/levels.js';
import { charWidth } from '../stylish.js';
import type { Lang } from '../../model/types.js';
import { describeWeakening } from '../../diff/standard.js';
import type { DomainCoverage, FieldChange, ItemChange, StandardEntry } from '../../diff/types.js';
import {
  CLASS,
  countedStatuses,
  KIND,
  levelName,
  STATUS,
  WORDS,
  labelDomain,
  labelField,
  readItemName,
  formatPercent,
  flattenValue,
  labelVersion,
  type DiffFormatOptions,
  type DiffFormatter,
  type EntryStatus,
  type StandardResult,
  type VersionResult,
} from './types.js';

/** Long 公开内容 would fill the screen; the JSON and Markdown formats carry it whole. */
const VALUE_WIDTH = 60;

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

function pad(s: string, columns: number): string {
  return s + ' '.repeat(Math.max(0, columns - width(s)));
}

function clip(s: string): string {
  if (width(s) <= VALUE_WIDTH) return s;
  let out = '';
  for (const ch of s) {
    if (width(out) + charWidth(ch) > VALUE_WIDTH - 3) break;
    out += ch;
  }
  return `${out}...`;
}

const MARK: Record<EntryStatus, string> = { adopted: '✔', adapted: '~', excluded: '-', missing: '✖', local: '+', unknown: '?' };
const KIND_MARK: Record<ItemChange['kind'], string> = { added: '+', removed: '✖', changed: '~', moved: '→' };

function statusColor(c: ChalkInstance, status: EntryStatus): (s: string) => string {
  switch (status) {
    case 'adopted':
      return c.green;
    case 'adapted':
      return c.yellow;
    case 'excluded':
      return c.dim;
    case 'local':
      return c.cyan;
    default:
      return c.red;
  }
}

function fieldLine(change: FieldChange, options: DiffFormatOptions, c: ChalkInstance): string {
  const { lang } = options;
  const colon = lang === 'zh' ? '：' : ': ';
  let line = `      ${labelField(change.field, lang)}${colon}${clip(flattenValue(change.before))} → ${clip(flattenValue(change.after))}`;
  if (change.weakens !== undefined) {
    const detail = describeWeakening(change, lang, options.channels);
    const semi = lang === 'zh' ? '；' : '; ';
    line += change.declared === undefined ? `  ${c.red(`✖ ${detail}`)}` : `  ${c.yellow(`${detail}${semi}${say(WORDS.declared, lang, { reason: change.declared })}`)}`;
  } else if (change.declared !== undefined) {
    line += `  ${c.dim(say(WORDS.declared, lang, { reason: change.declared }))}`;
  }
  return `${line}\n`;
}

/** fiscal-budget/1 → 1 under the fiscal-budget heading. */
function shortId(id: string, domain: string): string {
  return id.startsWith(`${domain}/`) ? id.slice(domain.length + 1) : id;
}

/** The counts; a village's leave out what it does not owe (applicable, missing). */
function coverageLine(d: DomainCoverage, measured: boolean, lang: Lang): string {
  const statuses = countedStatuses(measured);
  const parts = statuses.map((s) => `${STATUS[s][lang]} ${d[s]}`);
  if (measured) parts.unshift(`${WORDS.applicable[lang]} ${d.applicable}`);
  if (d.weakening > 0) parts.push(`${WORDS.weakening[lang]} ${d.weakening}`);
  return parts.join(' · ');
}

function entryLines(entry: StandardEntry, options: DiffFormatOptions, c: ChalkInstance, statusWidth: number): string {
  const { lang } = options;
  const color = statusColor(c, entry.status);
  const label = pad(`${MARK[entry.status]} ${STATUS[entry.status][lang]}`, statusWidth);
  let line = `  ${color(label)}  ${entry.standard.id} ${entry.standard.name ?? ''}`.trimEnd();
  if (entry.items.length > 0) line += c.dim(` ← ${entry.items.map((i) => i.id).join(', ')}`);
  if (entry.reason !== undefined) line += c.dim(`${lang === 'zh' ? '：' : ': '}${entry.reason}`);
  let out = `${line}\n`;
  for (const change of entry.changes) out += fieldLine(change, options, c);
  return out;
}

function formatStandard(results: readonly StandardResult[], options: DiffFormatOptions): string {
  const { lang } = options;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const statusWidth = Math.max(...Object.keys(MARK).map((s) => width(`${MARK[s as EntryStatus]} ${STATUS[s as EntryStatus][lang]}`)));
  let out = options.notices.map((n) => `${n}\n`).join('');
  for (const { government, diff } of results) {
    if (out !== '') out += '\n';
    const level = levelName(diff.government.level, lang);
    out += c.bold(say(WORDS.against, lang, { name: diff.government.name || government, code: diff.government.code, level, edition: diff.edition.id })) + c.dim(`  ${government}`) + '\n';
    out += diff.measured
      ? `${WORDS.coverage[lang]} ${c.bold(formatPercent(diff.total.coverage))}  ${coverageLine(diff.total, true, lang)}\n`
      : `${say(NO_COVERAGE, lang)}${lang === 'zh' ? '。' : '. '}${coverageLine(diff.total, false, lang)}\n`;
    for (const domain of diff.domains) {
      const entries = diff.entries.filter((e) => e.standard.domain === domain.domain);
      const local = diff.local.filter((i) => i.domain === domain.domain);
      const unknown = diff.unknown.filter((i) => i.domain === domain.domain);
      if (entries.length + local.length + unknown.length === 0) continue;
      const covered = domain.adopted + domain.adapted + domain.excluded;
      const share = !diff.measured || domain.applicable === 0 ? '' : `  ${WORDS.coverage[lang]} ${formatPercent(domain.coverage)} (${covered}/${domain.applicable})`;
      out += `\n${c.underline(labelDomain(domain.domain, domain.name, lang))}${share}\n`;
      const adopted = entries.filter((e) => e.status === 'adopted');
      // The adopted majority is what needs no attention: one line of ids, not one line each.
      if (adopted.length > 0) {
        const ids = adopted.map((e) => shortId(e.standard.id, domain.domain)).join(' ');
        out += `  ${c.green(pad(`${MARK.adopted} ${STATUS.adopted[lang]}`, statusWidth))}  ${say(WORDS.adoptedIds, lang, { n: adopted.length, ids })}\n`;
      }
      for (const entry of entries) if (entry.status !== 'adopted') out += entryLines(entry, options, c, statusWidth);
      for (const item of local) out += `  ${c.cyan(pad(`${MARK.local} ${STATUS.local[lang]}`, statusWidth))}  ${item.id} ${readItemName(item)}`.trimEnd() + '\n';
      for (const item of unknown) out += `  ${c.red(pad(`${MARK.unknown} ${STATUS.unknown[lang]}`, statusWidth))}  ${item.id} → ${item.standard ?? ''}\n`;
    }
  }
  return out;
}

function countsLine(r: VersionResult, lang: Lang): string {
  const k = (['added', 'removed', 'changed', 'moved'] as const).map((x) => `${KIND[x][lang]} ${r.diff.counts[x]}`).join(' · ');
  const cl = (['breaking', 'notable', 'info'] as const).map((x) => `${CLASS[x][lang]} ${r.diff.counts[x]}`).join(' · ');
  return `${k}${lang === 'zh' ? '；' : '; '}${cl}`;
}

function formatVersions(results: readonly VersionResult[], options: DiffFormatOptions): string {
  const { lang } = options;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const kindWidth = Math.max(...Object.keys(KIND_MARK).map((k) => width(`${KIND_MARK[k as ItemChange['kind']]} ${KIND[k as ItemChange['kind']][lang]}`)));
  const classColor = { breaking: c.red, notable: c.yellow, info: c.dim };
  let out = options.notices.map((n) => `${n}\n`).join('');
  for (const r of results) {
    if (out !== '') out += '\n';
    out += `${c.bold(r.name || r.government)}${c.dim(`  ${r.government}`)}  ${labelVersion(r.diff.from, lang)} → ${labelVersion(r.diff.to, lang)}\n`;
    if (r.diff.changes.length === 0) {
      out += `${WORDS.noChanges[lang]}\n`;
      continue;
    }
    out += `${countsLine(r, lang)}\n`;
    let domain: string | undefined;
    for (const change of r.diff.changes) {
      if (change.domain !== domain) {
        domain = change.domain;
        out += `\n${c.underline(labelDomain(domain, r.domains[domain], lang))}\n`;
      }
      const label = pad(`${KIND_MARK[change.kind]} ${KIND[change.kind][lang]}`, kindWidth);
      const notes: string[] = [];
      if (change.previousId !== undefined) notes.push(say(WORDS.renamedFrom, lang, { id: change.previousId }));
      if (change.previousDomain !== undefined) notes.push(say(WORDS.movedFrom, lang, { domain: labelDomain(change.previousDomain, r.domains[change.previousDomain], lang) }));
      const name = readItemName(change.after ?? change.before);
      let line = `  ${classColor[change.class](label)}  ${change.id}${name ? ` ${name}` : ''}`;
      if (notes.length > 0) line += c.dim(lang === 'zh' ? `（${notes.join('，')}）` : ` (${notes.join(', ')})`);
      out += `${line}  ${classColor[change.class](`[${CLASS[change.class][lang]}]`)}\n`;
      for (const f of change.changes) out += fieldLine(f, options, c);
    }
  }
  return out;
}

export const textFormatter: DiffFormatter = { standard: formatStandard, versions: formatVersions };
