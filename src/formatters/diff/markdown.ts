// The pull-request format: a summary table first, then the entries that need a reviewer's eye, as GitHub Markdown.
import { say } from '../../model/i18n.js';
import { NO_COVERAGE } from '../../model/levels.js';
import type { Lang } from '../../model/types.js';
import { describeWeakening, isUndeclaredWeakening } from '../../diff/standard.js';
import type { FieldChange, StandardDiff, StandardEntry } from '../../diff/types.js';
import { CLASS, countedStatuses, KIND, levelName, STATUS, WORDS, formatCoverage, labelDomain, labelField, readItemName, formatPercent, flattenValue, labelVersion, type DiffFormatOptions, type DiffFormatter, type StandardResult, type VersionResult } from './types.js';

/** Characters Markdown would read as markup; 《》 and Chinese punctuation pass through. */
function escape(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

function table(header: string[], align: Array<'l' | 'r'>, rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |\n`;
  return line(header) + line(align.map((a) => (a === 'r' ? '---:' : '---'))) + rows.map(line).join('');
}

function changeText(change: FieldChange, options: DiffFormatOptions): string {
  const { lang } = options;
  const colon = lang === 'zh' ? '：' : ': ';
  let s = `${labelField(change.field, lang)}${colon}${escape(flattenValue(change.before)) || '—'} → ${escape(flattenValue(change.after)) || '—'}`;
  if (change.weakens !== undefined) {
    const detail = escape(describeWeakening(change, lang, options.channels));
    const semi = lang === 'zh' ? '；' : '; ';
    s += change.declared === undefined ? ` **✖ ${detail}**` : ` ⚠️ ${detail}${semi}${escape(say(WORDS.declared, lang, { reason: change.declared }))}`;
  } else if (change.declared !== undefined) {
    s += ` (${escape(say(WORDS.declared, lang, { reason: change.declared }))})`;
  }
  return s;
}

/** Counts per domain; a village's table has no applicable, missing or coverage columns (it owes no national item). */
function coverageTable(diff: StandardDiff, lang: Lang): string {
  const m = diff.measured;
  const statuses = countedStatuses(m);
  const header = [WORDS.domain[lang], ...(m ? [WORDS.applicable[lang]] : []), ...statuses.map((s) => STATUS[s][lang]), WORDS.weakening[lang], ...(m ? [WORDS.coverage[lang]] : [])];
  const rows = [...diff.domains, { ...diff.total, name: `**${WORDS.total[lang]}**`, domain: '' }].map((d) => [
    d.domain === '' ? d.name : escape(labelDomain(d.domain, d.name, lang)),
    ...(m ? [String(d.applicable)] : []),
    ...statuses.map((s) => String(d[s])),
    String(d.weakening),
    ...(m ? [formatCoverage(d)] : []),
  ]);
  return table(header, ['l', ...header.slice(1).map(() => 'r' as const)], rows);
}

function entryLine(entry: StandardEntry, lang: Lang): string {
  let s = `- ${code(entry.standard.id)} ${escape(entry.standard.name ?? '')}`.trimEnd();
  if (entry.items.length > 0) s += ` ← ${entry.items.map((i) => code(i.id)).join(', ')}`;
  if (entry.reason !== undefined) s += `${lang === 'zh' ? '：' : ': '}${escape(entry.reason)}`;
  return `${s}\n`;
}

function formatStandard(results: readonly StandardResult[], options: DiffFormatOptions): string {
  const { lang } = options;
  let out = options.notices.map((n) => `> ${escape(n)}\n`).join('');
  for (const { government, diff } of results) {
    if (out !== '') out += '\n';
    const level = levelName(diff.government.level, lang);
    out += `### ${escape(say(WORDS.against, lang, { name: diff.government.name || government, code: diff.government.code, level, edition: diff.edition.id }))}\n\n`;
    out += diff.measured ? `${WORDS.coverage[lang]} **${formatPercent(diff.total.coverage)}** · ${code(government)}\n\n` : `${escape(say(NO_COVERAGE, lang))} · ${code(government)}\n\n`;
    out += coverageTable(diff, lang);
    const sections: Array<[string, number, string]> = [];
    const missing = diff.entries.filter((e) => e.status === 'missing');
    if (missing.length > 0) sections.push([`✖ ${STATUS.missing[lang]}`, missing.length, missing.map((e) => entryLine(e, lang)).join('')]);
    const weak = diff.entries.filter((e) => e.changes.some(isUndeclaredWeakening));
    if (weak.length > 0) {
      sections.push([
        `✖ ${WORDS.weakening[lang]}`,
        diff.total.weakening,
        weak.map((e) => entryLine(e, lang) + e.changes.filter(isUndeclaredWeakening).map((f) => `  - ${changeText(f, options)}\n`).join('')).join(''),
      ]);
    }
    if (diff.unknown.length > 0) sections.push([`✖ ${STATUS.unknown[lang]}`, diff.unknown.length, diff.unknown.map((i) => `- ${code(i.id)} → ${code(i.standard ?? '')}\n`).join('')]);
    const adapted = diff.entries.filter((e) => e.status === 'adapted');
    if (adapted.length > 0) sections.push([STATUS.adapted[lang], adapted.length, adapted.map((e) => entryLine(e, lang) + e.changes.map((f) => `  - ${changeText(f, options)}\n`).join('')).join('')]);
    const excluded = diff.entries.filter((e) => e.status === 'excluded');
    if (excluded.length > 0) sections.push([STATUS.excluded[lang], excluded.length, excluded.map((e) => entryLine(e, lang)).join('')]);
    if (diff.local.length > 0) sections.push([STATUS.local[lang], diff.local.length, diff.local.map((i) => `- ${code(i.id)} ${escape(readItemName(i))}`.trimEnd() + '\n').join('')]);
    for (const [title, count, body] of sections) {
      out += `\n#### ${title} (${count})\n\n${body}`;
    }
  }
  return out;
}

function formatVersions(results: readonly VersionResult[], options: DiffFormatOptions): string {
  const { lang } = options;
  let out = options.notices.map((n) => `> ${escape(n)}\n`).join('');
  for (const r of results) {
    if (out !== '') out += '\n';
    out += `### ${escape(r.name || r.government)}: ${code(labelVersion(r.diff.from, lang))} → ${code(labelVersion(r.diff.to, lang))}\n\n`;
    if (r.diff.changes.length === 0) {
      out += `${WORDS.noChanges[lang]}\n`;
      continue;
    }
    const kinds = ['added', 'removed', 'changed', 'moved'] as const;
    const classes = ['breaking', 'notable', 'info'] as const;
    const header = [...kinds.map((k) => KIND[k][lang]), ...classes.map((k) => CLASS[k][lang])];
    out += table(header, header.map(() => 'r'), [[...kinds.map((k) => String(r.diff.counts[k])), ...classes.map((k) => String(r.diff.counts[k]))]]);
    out += '\n';
    const rows = r.diff.changes.map((change) => {
      const notes: string[] = [];
      if (change.previousId !== undefined) notes.push(escape(say(WORDS.renamedFrom, lang, { id: change.previousId })));
      if (change.previousDomain !== undefined) notes.push(escape(say(WORDS.movedFrom, lang, { domain: labelDomain(change.previousDomain, r.domains[change.previousDomain], lang) })));
      notes.push(...change.changes.map((f) => changeText(f, options)));
      const name = readItemName(change.after ?? change.before);
      return [
        change.class === 'breaking' ? `**${CLASS[change.class][lang]}**` : CLASS[change.class][lang],
        KIND[change.kind][lang],
        `${code(change.id)}${name ? ` ${escape(name)}` : ''}`,
        escape(labelDomain(change.domain, r.domains[change.domain], lang)),
        notes.join('<br>'),
      ];
    });
    out += table([WORDS.class[lang], WORDS.change[lang], WORDS.item[lang], WORDS.domain[lang], WORDS.details[lang]], ['l', 'l', 'l', 'l', 'l'], rows);
  }
  return out;
}

export const markdownFormatter: DiffFormatter = { standard: formatStandard, versions: formatVersions };
