// Checkstyle XML, which Jenkins' Warnings plugin (and most CI dashboards) read: one <file> per file, one <error> per finding.
import type { Summary } from '../model/diagnostic.js';
import { say, type Message } from '../model/i18n.js';
import type { Diagnostic } from '../model/types.js';
import { attr } from './junit.js';
import { groupByFile, type FormatOptions } from './types.js';
import { SEE_EXPLAIN } from '../check/lint/docs.js';

const HINT: Message = { zh: '（提示：{text}）', en: ' (hint: {text})' };
const SEE: Message = { zh: '（{see}）', en: ' ({see})' };

export function formatCheckstyle(diagnostics: readonly Diagnostic[], _summary: Summary, options: FormatOptions): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  // Clean files are listed too, so a dashboard can tell "checked, nothing found" from "not checked".
  for (const [file, list] of groupByFile(diagnostics, options)) {
    if (list.length === 0) {
      out += `  <file name="${attr(file)}"/>\n`;
      continue;
    }
    out += `  <file name="${attr(file)}">\n`;
    for (const d of list) {
      let message = d.hint === undefined ? d.message : d.message + say(HINT, options.lang, { text: d.hint });
      message += say(SEE, options.lang, { see: say(SEE_EXPLAIN, options.lang, { code: d.code }) });
      out += `    <error line="${d.range.start.line}" column="${d.range.start.column}" severity="${d.severity}" message="${attr(message)}" source="gk.${attr(d.code)}"/>\n`;
    }
    out += '  </file>\n';
  }
  out += '</checkstyle>\n';
  return out;
}
