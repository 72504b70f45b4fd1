// Reading one cell: stray line breaks, check marks (■ √ t …) and empty boxes (□ 口 …), channel checklists, 公开依据 documents.
import { toHalfWidth } from '../model/values.js';
import { matchChannel, type ChannelVocabulary } from '../load/channels.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** What starts a new line on purpose: 1. 2、 (1) ① ● · 一、 */
const LIST_MARKER = /^(?:\d{1,2}[.、．)）]|[(（]\d{1,2}[)）]|[①-⑳●·•○〇◆■□▲√]|[一二三四五六七八九十]+、)/;

/**
 * Tidies a cell: CRLF, non-breaking and zero-width spaces, full-width digits and letters, runs of spaces.
 * A line break between two Chinese characters that does not start a list entry is a wrap inside a word
 * (“财政预\n决算”) and is removed; other breaks stay in multi-line fields and become spaces elsewhere.
 */
export function cleanText(raw: string, multiline: boolean): string {
  const lines = toHalfWidth(raw.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2002-\u200a\u202f]/g, ' ').replace(/[\u200b-\u200d\ufeff]/g, ''))
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '');
  let out = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    const before = out[out.length - 1] ?? '';
    if (CJK.test(before) && CJK.test(line[0] ?? '') && !LIST_MARKER.test(line)) out += line;
    else if (multiline) out += `\n${line}`;
    else out += CJK.test(before) || /^[\u3000-\u303f\uff00-\uffef]/.test(line) ? line : ` ${line}`;
  }
  return out;
}

/** Glyphs that mark a box as ticked, including those a symbol font turns into when pasted as text (t, R, P, ü, þ). */
const CHECKED_GLYPHS = '■☑√✓✔◆▲▄●☒⬛✅❖';
const CHECKED_LETTERS = 'tRPüþ';
const UNCHECKED_GLYPHS = '□☐口○〇◇△£';

const IS_CHECKED = new RegExp(`^[${CHECKED_GLYPHS}${CHECKED_LETTERS}vVyY]+$|^(?:是|有|Y|YES|yes)$`);
const IS_UNCHECKED = new RegExp(`^[${UNCHECKED_GLYPHS}×xX✗✘\\-—/／\\\\]+$|^(?:否|无|N|NO|no)$`);

export type Mark = { checked: false } | { checked: true; text?: string };

/** A cell of a √ column (全社会, 主动, 县级 …): ticked, empty, or holding words (“申请人”), which count as ticked. */
export function readMark(cell: string): Mark {
  const s = cell.replace(/\s+/g, '');
  if (s === '' || IS_UNCHECKED.test(s)) return { checked: false };
  if (IS_CHECKED.test(s)) return { checked: true };
  const words = s.replace(new RegExp(`^[${CHECKED_GLYPHS}]+`), '');
  return words === '' ? { checked: true } : { checked: true, text: words };
}

/** Glyphs that are boxes wherever they stand (“□政府公报■两微一端” has no space between entries). */
const BOX_ANYWHERE = '■☑√✓✔◆▲▄☒⬛✅❖□☐£';
/**
 * A box that can also be a character of the text counts only at the start of an entry, at the start of the cell
 * or after a space or separator: 口 in 人口, 〇 in 二〇一九, a t or R in Latin text.
 */
const BOX_AT_START = new RegExp(`([${BOX_ANYWHERE}])|(^|[\\s、，,；;:：])([口○〇●]|[${CHECKED_LETTERS}](?=[\\u3400-\\u9fff]))`, 'gu');

export interface Checklist {
  checked: string[];
  unchecked: string[];
}

/** “■政府网站 □政府公报 ■两微一端” → checked [政府网站, 两微一端]; undefined when the cell has no boxes. */
export function readChecklist(cell: string): Checklist | undefined {
  const marks: Array<{ at: number; end: number; checked: boolean }> = [];
  for (const m of cell.matchAll(BOX_AT_START)) {
    const lead = m[2] ?? '';
    const glyph = m[1] ?? m[3]!;
    const at = m.index + lead.length;
    marks.push({ at, end: at + glyph.length, checked: !UNCHECKED_GLYPHS.includes(glyph) });
  }
  if (marks.length === 0) return undefined;
  const list: Checklist = { checked: [], unchecked: [] };
  marks.forEach((mark, i) => {
    const text = cell
      .slice(mark.end, marks[i + 1]?.at ?? cell.length)
      .replace(/^[\s、，,；;:：]+|[\s、，,；;。]+$/g, '')
      // 其他(____) with nothing written in
      .replace(/[_＿]+$|[(（][\s_＿]*[)）]$/g, '')
      .trim();
    if (text === '') return;
    (mark.checked ? list.checked : list.unchecked).push(text);
  });
  return list;
}

const OPEN_TO_CLOSE: Record<string, string> = { '《': '》', '〈': '〉', '<': '>', '(': ')', '（': '）', '[': ']', '【': '】', '〔': '〕', '﹝': '﹞', '“': '”', '‘': '’' };
const CLOSERS = new Set(Object.values(OPEN_TO_CLOSE));

/** Keeps the stack of open brackets; a closer that skips an unclosed inner bracket (“〔201744号)”) closes both. */
function track(stack: string[], ch: string): void {
  if (CLOSERS.has(ch) && stack.includes(ch)) {
    while (stack.pop() !== ch);
  } else if (OPEN_TO_CLOSE[ch] && !(ch === '<' && stack.length === 0)) stack.push(OPEN_TO_CLOSE[ch]);
}

/** Splits on the given separators, but never inside brackets or quotes. */
export function splitOutside(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  const stack: string[] = [];
  let buf = '';
  for (const ch of text) {
    if (stack.length === 0 && separators.test(ch)) {
      parts.push(buf);
      buf = '';
      continue;
    }
    track(stack, ch);
    buf += ch;
  }
  parts.push(buf);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const SECONDARY_SEPARATORS = ['、', '/', '／', ' ', '和', '或'];

/**
 * A 公开渠道和载体 cell as written: the ticked entries of a checklist, or a plain list split on ；and line breaks.
 * A piece that is not a known channel is split further on 、 / space 和 或 only when every part is known, so
 * “入户、现场” and “社区/企事业单位/村公示栏(电子屏)” stay whole while “政府公报、政府网站、报刊” comes apart.
 */
export function splitChannels(cell: string, vocab: ChannelVocabulary): { channels: string[]; checklist: boolean; unchecked: string[] } {
  const known = (s: string) => matchChannel(vocab, s).kind !== 'unknown';
  const resolve = (piece: string): { ok: boolean; leaves: string[] } => {
    if (known(piece)) return { ok: true, leaves: [piece] };
    for (const sep of SECONDARY_SEPARATORS) {
      if (!piece.includes(sep)) continue;
      const subs = piece
        .split(sep)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (subs.length < 2) continue;
      const parts = subs.map(resolve);
      if (parts.every((p) => p.ok)) return { ok: true, leaves: parts.flatMap((p) => p.leaves) };
    }
    return { ok: false, leaves: [piece] };
  };
  const list = readChecklist(cell);
  const pieces = list ? list.checked : splitOutside(cell, /[；;\n]/);
  const channels: string[] = [];
  for (const piece of pieces) for (const leaf of resolve(piece).leaves) if (!channels.includes(leaf)) channels.push(leaf);
  return { channels, checklist: list !== undefined, unchecked: list?.unchecked ?? [] };
}

/** Splits a list cell of short values (公开对象, 公开方式, 公开层级, 五公开): ticked entries, or words between separators. */
export function splitValues(cell: string): string[] {
  const list = readChecklist(cell);
  if (list) return list.checked;
  // 乡、村级 and 镇、村级 are one label, not two
  return splitOutside(cell.replace(/(乡|镇|街道|街)[、，,]村/g, '$1\u0001村'), /[；;、，,/／\s]/).map((v) => v.replace(/\u0001/g, '、'));
}

const BASIS_SEPARATOR = /[、；;，,\s]/;
const ENUMERATOR = /^(?:\d{1,2}[.．、](?!\d)|[(（]\d{1,2}[)）]|[①-⑳])/;
const TITLE_END = /[》)）〕]$/;

/**
 * A generic tail after the last title (“…》等法律法规和文件规定”, “…》等”): not a document of its own. Returns the
 * entries without it and the tail, when every entry is a title; the edition importer leaves it out, as the national build does.
 */
export function dropBasisTail(entries: readonly string[]): { entries: string[]; tail?: string } {
  const last = entries[entries.length - 1];
  const m = last === undefined ? null : /^(.*[》)）])(等[^《》]{0,20})$/.exec(last);
  if (!m || !m[1]!.includes('《') || !entries.slice(0, -1).every((e) => e.includes('《'))) return { entries: [...entries] };
  return { entries: [...entries.slice(0, -1), m[1]!], tail: m[2]! };
}

/**
 * 公开依据 → one entry per document: 《…》 titles with their document numbers, 【法律】-style prefixes and
 * 1. 2. numbering dropped, never split inside 《》 or brackets. A cell without 《 is one entry. Separators
 * (、，；space) split only where a title ends or begins, so “《预算法》及相关法律、法规” stays whole.
 */
export function splitBasis(cell: string): string[] {
  const text = cell.replace(/\r\n?/g, '\n').trim();
  if (!text.includes('《')) {
    const lines = text.split(/[\n；;]/).map((l) => l.replace(ENUMERATOR, '').replace(/[。；;]+$/, '').trim());
    return lines.filter((l) => l !== '');
  }
  const entries: string[] = [];
  const stack: string[] = [];
  let buf = '';
  const flush = () => {
    const e = buf.trim().replace(/[。；;，,、]+$/, '').trim();
    if (e !== '') entries.push(e);
    buf = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (stack.length === 0) {
      const rest = text.slice(i);
      const enumerator = ENUMERATOR.exec(rest);
      if (enumerator && (buf.trim() === '' || TITLE_END.test(buf.trim()) || /[\n；;]$/.test(buf))) {
        flush();
        i += enumerator[0].length - 1;
        continue;
      }
      if (ch === '【') {
        const end = text.indexOf('】', i);
        if (end > i && end - i <= 12) {
          flush();
          i = end;
          continue;
        }
      }
      if (ch === '\n' || ch === '；' || ch === ';') {
        flush();
        continue;
      }
      if (BASIS_SEPARATOR.test(ch)) {
        const next = text.slice(i + 1).trimStart();
        if (TITLE_END.test(buf.trim()) || next.startsWith('《') || next.startsWith('【') || ENUMERATOR.test(next)) {
          flush();
          continue;
        }
      }
      if (ch === '《' && TITLE_END.test(buf.trim())) flush();
    }
    buf += ch;
    track(stack, ch);
  }
  flush();
  return entries;
}
