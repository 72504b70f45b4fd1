// Keys typed with the Chinese input method's colon (`subject：…`): found only where YAML expects a key, in one pass.
/**
 * YAML reads `subject：示例县民政局` as plain text, so the key is lost. Such a line is only a key where a key could
 * stand: at the start of a line (after indentation and `- `), outside block scalars (`content: |`), outside quoted
 * and flow values spanning lines, and not on the continuation lines of a multi-line plain value. Text inside values
 * (`QQ：123456` in a note) is never touched. One pass over the lines, each scanned a bounded number of times.
 */

export interface FullwidthColonKey {
  key: string;
  /** 0-based offset of the first character of the key in the text. */
  keyOffset: number;
  /** 0-based offset of the full-width colon. */
  colonOffset: number;
  /** Offset just past the colon and the blanks after it. */
  valueOffset: number;
  /** Whether anything (a value or a comment) follows the colon on its line. */
  hasRest: boolean;
}

const KEY = /^[A-Za-z_][\w-]*$/;

type Mode =
  /** lines indented more than `indent` (and blank lines) belong to a block scalar */
  | { kind: 'block'; indent: number }
  /** continuation lines of a plain value: indented more than `indent` */
  | { kind: 'plain'; indent: number }
  /** inside a quoted scalar that started on an earlier line */
  | { kind: 'quoted'; quote: '"' | "'" }
  /** inside a flow collection (`[…]`, `{…}`) spanning lines */
  | { kind: 'flow'; depth: number }
  | { kind: 'none' };

/** Where a quoted scalar starting at `i` (at the quote) ends on this line: the index after the closing quote, or -1. */
function closeQuote(line: string, i: number, quote: '"' | "'"): number {
  for (let j = i; j < line.length; j++) {
    const c = line[j];
    if (quote === '"' && c === '\\') {
      j++;
      continue;
    }
    if (c === quote) {
      if (quote === "'" && line[j + 1] === "'") {
        j++;
        continue;
      }
      return j + 1;
    }
  }
  return -1;
}

/** Scans a flow collection from `i`; the bracket depth at the end of the line, or a quote left open. */
function scanFlow(line: string, i: number, depth: number): Mode {
  for (let j = i; j < line.length; j++) {
    const c = line[j]!;
    if (c === '"' || c === "'") {
      const end = closeQuote(line, j + 1, c);
      // a quoted string inside a flow collection that does not close here: treat the rest like a quoted value
      if (end === -1) return { kind: 'quoted', quote: c };
      j = end - 1;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return { kind: 'none' };
    } else if (c === '#' && (j === 0 || line[j - 1] === ' ' || line[j - 1] === '\t')) break;
  }
  return depth > 0 ? { kind: 'flow', depth } : { kind: 'none' };
}

/** What the value starting at `at` on this line opens: a block scalar, a quoted or flow value spanning lines, a plain value. */
function modeOfValue(line: string, at: number, parentIndent: number): Mode {
  let i = at;
  while (line[i] === ' ' || line[i] === '\t') i++;
  // anchors and tags before the value
  while (line[i] === '&' || line[i] === '!') {
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  const c = line[i];
  if (c === undefined || c === '#') return { kind: 'none' };
  if ((c === '|' || c === '>') && /^[|>][0-9+-]*[ \t]*(?:#.*)?$/.test(line.slice(i))) return { kind: 'block', indent: parentIndent };
  if (c === '"' || c === "'") return closeQuote(line, i + 1, c) === -1 ? { kind: 'quoted', quote: c } : { kind: 'none' };
  if (c === '[' || c === '{') return scanFlow(line, i, 0);
  return { kind: 'plain', indent: parentIndent };
}

/** The end of a plain or quoted key followed by `:` and a blank (or the end of the line), from `i`; -1 when none. */
function keyEnd(line: string, i: number): number {
  const c = line[i];
  if (c === '"' || c === "'") {
    const end = closeQuote(line, i + 1, c);
    if (end === -1) return -1;
    let j = end;
    while (line[j] === ' ' || line[j] === '\t') j++;
    return line[j] === ':' && (j + 1 === line.length || line[j + 1] === ' ' || line[j + 1] === '\t') ? j : -1;
  }
  for (let j = i; j < line.length; j++) {
    if (line[j] === ':' && (j + 1 === line.length || line[j + 1] === ' ' || line[j + 1] === '\t')) return j;
    if (line[j] === '#' && (line[j - 1] === ' ' || line[j - 1] === '\t')) return -1;
  }
  return -1;
}

function indentOf(line: string): number {
  let i = 0;
  while (line[i] === ' ') i++;
  return i;
}

/**
 * A line the scan below could report: indentation (spaces), entry markers (`- `), a key of KEY's letters, blanks,
 * then `：`. Every line it reports looks so; most texts have no such line (a `：` in a value follows other text),
 * and one search of the text (maybeKey) spares them the line-by-line scan. Its line starts (after \n, \r, U+2028
 * and U+2029) are a superset of the scan's, so this never passes over a line the scan would report.
 */
const MAYBE_KEY = /^ *(?:-[ \t]+)*[A-Za-z_][\w-]*[ \t]*：$/;

/** A character MAYBE_KEY can match before the `：`: blanks, `-`, a key's letters. */
function inPrefix(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x2d || c === 0x5f || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Where `^` of a multiline regular expression matches: after \n, \r, U+2028 or U+2029. */
function endsLine(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/**
 * Whether some line matches MAYBE_KEY, asked from each `：` rather than each line: back from the colon over the
 * characters MAYBE_KEY could match to where the line starts, then MAYBE_KEY on that stretch. A colon reached over
 * any other character ends no such line. (At city scale the search of every line was 3 % of validate.)
 */
function maybeKey(text: string): boolean {
  for (let colon = text.indexOf('：'); colon !== -1; colon = text.indexOf('：', colon + 1)) {
    let start = colon;
    while (start > 0 && inPrefix(text.charCodeAt(start - 1))) start--;
    if (start > 0 && !endsLine(text.charCodeAt(start - 1))) continue;
    if (MAYBE_KEY.test(text.slice(start, colon + 1))) return true;
  }
  return false;
}

/** Every `key：` that stands where YAML expects a key, in text order. */
export function findFullwidthColonKeys(text: string): FullwidthColonKey[] {
  return maybeKey(text) ? scanFullwidthColonKeys(text) : [];
}

/** The line-by-line scan behind findFullwidthColonKeys, without its first search (exported for its test). */
export function scanFullwidthColonKeys(text: string): FullwidthColonKey[] {
  const found: FullwidthColonKey[] = [];
  if (!text.includes('：')) return found;
  let mode: Mode = { kind: 'none' };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const indent = indentOf(line);
    const blank = indent === line.length || /^[ \t]*$/.test(line);
    const next = lineEnd + 1;

    if (mode.kind === 'block' || mode.kind === 'plain') {
      const comment = line[indent] === '#';
      if (blank || (indent > mode.indent && !(mode.kind === 'plain' && comment))) {
        lineStart = next;
        continue;
      }
      mode = { kind: 'none' };
    }
    if (mode.kind === 'quoted') {
      const end = closeQuote(line, 0, mode.quote);
      mode = end === -1 ? mode : { kind: 'none' };
      lineStart = next;
      continue;
    }
    if (mode.kind === 'flow') {
      mode = scanFlow(line, 0, mode.depth);
      lineStart = next;
      continue;
    }
    if (blank || line[indent] === '#' || line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) {
      lineStart = next;
      continue;
    }

    // `- - key: value`: the entry markers, then a node whose indentation is its column
    let at = indent;
    let dash = -1;
    while (line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' ' || line[at + 1] === '\t')) {
      dash = at;
      at++;
      while (line[at] === ' ' || line[at] === '\t') at++;
    }
    const column = at;
    const colon = line.indexOf('：', at);
    const wide = colon === -1 ? undefined : /^([A-Za-z_][\w-]*)[ \t]*$/.exec(line.slice(at, colon));
    if (wide && KEY.test(wide[1]!)) {
      let value = colon + 1;
      while (line[value] === ' ' || line[value] === '\t') value++;
      found.push({
        key: wide[1]!,
        keyOffset: lineStart + at,
        colonOffset: lineStart + colon,
        valueOffset: lineStart + value,
        hasRest: value < line.length,
      });
      mode = modeOfValue(line, colon + 1, column);
    } else if (at === line.length) {
      mode = { kind: 'none' };
    } else {
      const end = keyEnd(line, at);
      // a key: its value decides what follows; an entry without a key (`- text`) is a value itself
      mode = end === -1 ? modeOfValue(line, at, dash === -1 ? indent : dash) : modeOfValue(line, end + 1, column);
    }
    lineStart = next;
  }
  return found;
}

/**
 * The text with each such key given a half-width colon: `key：value` → `key: value`, `key：` → `key:`, `key：# note` → `key: # note`. Lines keep their
 * numbers; only the repaired lines change.
 */
export function repairFullwidthColons(text: string, keys: readonly FullwidthColonKey[] = findFullwidthColonKeys(text)): string {
  if (keys.length === 0) return text;
  let out = '';
  let from = 0;
  for (const k of keys) {
    out += text.slice(from, k.keyOffset + k.key.length) + (k.hasRest ? ': ' : ':');
    from = k.valueOffset;
  }
  return out + text.slice(from);
}
