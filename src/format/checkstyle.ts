// Checkstyle XML, which Jenkins' Warnings plugin (and most CI dashboards) read: one <file> per file, one <error> per finding.
import { sortDiagnostics, type Summary } from '../diagnostic.js';
import { say, type Message } from '../i18n.js';
import type { Diagnostic } from '../types.js';
import { attr } from './junit.js';
import { displayFile, type FormatOptions } from './types.js';

const HINT: Message = { zh: '（提示：{text}）', en: ' (hint: {text})' };

export function formatCheckstyle(diagnostics: readonly Diagnostic[], _summary: Summary, options: FormatOptions): string {
  const byFile = new Map<string, Diagnostic[]>();
  // Clean files are listed too, so a dashboard can tell "checked, nothing found" from "not checked".
  for (const file of options.files ?? []) byFile.set(displayFile(file, options.cwd), []);
  for (const d of sortDiagnostics(diagnostics)) {
    const file = displayFile(d.file, options.cwd);
    const list = byFile.get(file);
    if (list) list.push(d);
    else byFile.set(file, [d]);
  }
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const file of [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const list = byFile.get(file)!;
    if (list.length === 0) {
      out += `  <file name="${attr(file)}"/>\n`;
      continue;
    }
    out += `  <file name="${attr(file)}">\n`;
    for (const d of list) {
      const message = d.hint === undefined ? d.message : d.message + say(HINT, options.lang, { text: d.hint });
      out += `    <error line="${d.range.start.line}" column="${d.range.start.column}" severity="${d.severity}" message="${attr(message)}" source="gk.${attr(d.code)}"/>\n`;
    }
    out += '  </file>\n';
  }
  out += '</checkstyle>\n';
  return out;
}
