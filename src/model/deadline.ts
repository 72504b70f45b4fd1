// 公开时限: the ways catalogs write a disclosure deadline, as data; tidying that keeps every word; which of two is faster.
import { isDeepStrictEqual } from 'node:util';

export type Period = 'year' | 'half-year' | 'quarter' | 'month' | 'week';

/** N working days or N calendar days (weeks and months are counted as 7 and 30 calendar days). */
export interface Span {
  days: number;
  workdays: boolean;
}

export type Deadline =
  /** 信息形成或变更之日起20个工作日内, 批准后20日内, 收到申请之日起20个工作日内答复. `trigger` is '' when none is written. */
  | { kind: 'within'; days: number; workdays: boolean; trigger: string }
  /** 实时公开, 即时公开 */
  | { kind: 'realtime' }
  /** 及时公开, 重大决策作出后及时公开, 按进展情况及时公开: prompt, but no number to hold anyone to. */
  | { kind: 'prompt'; trigger?: string }
  /** 每年, 每季度, 按年度, 年度终了后20日内, 每年3月31日前 */
  | { kind: 'periodic'; period: Period; trigger?: string; within?: Span }
  /** 每20个工作日更新 */
  | { kind: 'interval'; days: number; workdays: boolean }
  /** 常年公开, 长期公开, 长期公开（动态调整） */
  | { kind: 'long-term' }
  /** 在实地启动拟征收土地工作时, 征收决定作出后 */
  | { kind: 'event'; trigger: string }
  /** 在会议召开前, 开标3日前, 提前一周 */
  | { kind: 'before'; event: string; days?: number; workdays?: boolean }
  /** Several clauses: “1.除处罚决定外其他内容:长期公开;2.处罚决定:20个工作日内”, “…;其中行政许可…7个工作日内”. */
  | { kind: 'compound'; parts: DeadlinePart[] };

export interface DeadlinePart {
  /** What the clause applies to (“处罚决定”), when the clause says. */
  scope?: string;
  deadline: Deadline;
}

export const CANONICAL_TRIGGER = '信息形成或变更';
/** The 形成 trigger without 变更 (信息形成之日起, 信息产生后): new information only. */
const FORMED_ONLY = '信息形成';

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const NUM = '(\\d+|[零〇一二两三四五六七八九十百千]+)';
const UNIT = '(个工作日|工作日|个自然日|自然日|个日历日|日历日|日|天|个星期|星期|周|个月)';

/** 20, 二十, 十五, 一百二十 → number; undefined when not a number. */
export function parseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of s) {
    const unit = CN_UNITS[ch];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else {
      // 二〇 (digit by digit) as well as 二十
      digit = digit === undefined ? CN_DIGITS[ch]! : digit * 10 + CN_DIGITS[ch]!;
    }
  }
  return total + (digit ?? 0);
}

function spanOf(amount: number, unit: string): Span {
  if (unit.endsWith('工作日')) return { days: amount, workdays: true };
  if (unit.endsWith('周') || unit.endsWith('星期')) return { days: amount * 7, workdays: false };
  if (unit === '个月') return { days: amount * 30, workdays: false };
  return { days: amount, workdays: false };
}

/** Width, spacing and circled-number variants folded; surrounding punctuation gone. */
function clean(text: string): string {
  return text
    .replace(/[①-⑳]/g, ';')
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/[“”"'‘’]/g, '')
    .replace(/^[,.;:、。]+|[,.;:、。]+$/g, '');
}

/** The trailing verb that says nothing about time: 予以公开, 内公开, 及时公开 (after a number), 答复. */
const TRAILING_VERB = /(?:并|应|须)?(?:予以|及时|主动|向社会|对外|进行|完成|集中)?(?:公开|公示|公告|发布|公布|答复|更新|办结)(?:完毕)?$/;
/** 法律、法规对政府信息公开的期限另有规定的，从其规定 — true whatever the deadline, so not part of it. */
const PROVISO = /另有规定|从其规定|除外$/;
/** ，在村公示栏公开 — a channel, which is another column's business. */
const CHANNEL_TAIL = /,在[^,]+?(?:公开|公示|发布|张贴)$/;
/** ，公示7个工作日 — how long a notice stays up, not when it goes up. */
const NOTICE_TAIL = new RegExp(`,公示期?(?:不少于|不得少于)?${NUM}${UNIT}(?:以上)?$`);

function splitClauses(s: string): string[] {
  return s
    .replace(/(^|[;。,])\(?\d{1,2}[.、)](?!\d)/g, '$1;')
    .replace(/(^|[;。,])[一二三四五六七八九十][、.]/g, '$1;')
    .replace(/[,;]?其中/g, ';')
    .split(/[;。]/)
    .map((c) => c.replace(/^[,.、:]+|[,.、:]+$/g, ''))
    .filter((c) => c !== '');
}

function stripTrailingVerb(s: string): string {
  const stripped = s.replace(TRAILING_VERB, '');
  return stripped === '' ? s : stripped;
}

/** 自信息形成或者变更之日起 → 信息形成或者变更 */
function triggerOf(pre: string): string {
  return pre
    .replace(/^(?:自|从|于|在)/, '')
    .replace(/(?:之日起|之日后|之日|日起|当日起|起|以后|之后|后|的)$/, '')
    .replace(/个$/, '');
}

const FAMILY = /^(?:公开事项|该)?(?:政府)?(?:信息)?(?:形成|产生)(?:(?:或者?|、|\/)?\(?变更\)?)?$/;

/** The 信息形成（变更） family, which the 政府信息公开条例 makes the default when no trigger is written. */
export function isFormationTrigger(trigger: string): boolean {
  return trigger === '' || FAMILY.test(trigger);
}

const WITHIN = new RegExp(`^(.*?)${NUM}${UNIT}(?:以)?内?$`);
const PERIODIC = /^(每|按|逐|次)?(年度|半年|年|季度|季|月度|月|周|星期)(.*)$/;
const PERIODS: Record<string, Period> = { 年度: 'year', 年: 'year', 半年: 'half-year', 季度: 'quarter', 季: 'quarter', 月度: 'month', 月: 'month', 周: 'week', 星期: 'week' };
const PERIOD_WORDS = new Set(['年度', '半年', '季度', '月度']);
const DATE_BEFORE = /^(?:在|于)?((?:\d+|[一二三四五六七八九十]+)月(?:\d+日|[一二三四五六七八九十]+日|底|末|初|上旬|中旬|下旬)?)(?:之前|以前|前)$/;
const BEFORE = new RegExp(`^(?:在|于)?(.+?)(?:${NUM}${UNIT})?(?:之前|以前|前)$`);
const AHEAD = new RegExp(`^提前${NUM}${UNIT}(.*)$`);
/** 规划送审报批前,不少于30日: at least N days before the event (城乡规划法: 公告的时间不得少于三十日). */
const BEFORE_AT_LEAST = new RegExp(`^(?:在|于)?(.+?)(?:之前|以前|前)(?:公示|公告|公开)?,?(?:公示|公告)?(?:时间|期)?(?:不少于|不得少于|至少)${NUM}${UNIT}$`);
const EVENT = /^(?:在|于)?(.+?)(?:之时|时|的同时|同时|当日|当天|之后|以后|后)$/;

function parseWithin(core: string): { trigger: string; span: Span } | undefined {
  const m = WITHIN.exec(core);
  if (!m) return undefined;
  const amount = parseNumber(m[2]!);
  if (amount === undefined || amount === 0) return undefined;
  return { trigger: triggerOf(m[1]!), span: spanOf(amount, m[3]!) };
}

function parsePeriodic(core: string): Deadline | undefined {
  const m = PERIODIC.exec(core);
  if (!m) return undefined;
  const word = m[2]!;
  if (m[1] === undefined && !PERIOD_WORDS.has(word)) return undefined;
  if (m[1] === '次' && word !== '年') return undefined;
  const period = PERIODS[word]!;
  const rest = m[3]!.replace(/^(?:一次|更新一次)$/, '');
  if (rest === '') return { kind: 'periodic', period };
  const within = parseWithin(rest);
  if (within) {
    const trigger = (m[1] === '每' || m[1] === '按' ? '' : m[1] ?? '') + word + within.trigger;
    return { kind: 'periodic', period, trigger, within: within.span };
  }
  if (/^(?:第?[一二三四1-4](?:季度|季)|\d+月|[一二三四五六七八九十]+月|\d+日|[一二三四五六七八九十]+日|[上中下]旬|上半年|下半年|初|末|底|终了|结束)/.test(rest)) {
    return { kind: 'periodic', period, trigger: rest };
  }
  return undefined;
}

/** One clause, without numbering or scope. */
function parseClause(raw: string): Deadline | undefined {
  let s = raw.replace(/\((?:动态[^)]*|[^)]*(?:另有规定|除外)[^)]*)\)$/, '');
  s = s.replace(CHANNEL_TAIL, '').replace(NOTICE_TAIL, '');
  const core = stripTrailingVerb(s);

  if (/^(?:实时|即时|随时)(?:更新)?$/.test(core)) return { kind: 'realtime' };
  if (/^(?:常年|长期|常态化|持续|永久|长期有效|长期保留|动态|动态调整|动态更新)$/.test(core)) return { kind: 'long-term' };
  const periodic = parsePeriodic(core);
  if (periodic) return periodic;

  const every = new RegExp(`^每${NUM}${UNIT}$`).exec(core);
  if (every) {
    const amount = parseNumber(every[1]!);
    if (amount === undefined || amount === 0) return undefined;
    return { kind: 'interval', ...spanOf(amount, every[2]!) };
  }

  const ahead = AHEAD.exec(core);
  if (ahead) {
    const amount = parseNumber(ahead[1]!);
    if (amount === undefined) return undefined;
    return { kind: 'before', event: ahead[3]!, ...spanOf(amount, ahead[2]!) };
  }
  const atLeast = BEFORE_AT_LEAST.exec(core);
  if (atLeast) {
    const event = triggerOf(atLeast[1]!);
    const amount = parseNumber(atLeast[2]!);
    if (event === '' || amount === undefined || amount === 0) return undefined;
    return { kind: 'before', event, ...spanOf(amount, atLeast[3]!) };
  }
  const date = DATE_BEFORE.exec(core);
  if (date) return { kind: 'before', event: date[1]! };
  const before = BEFORE.exec(core);
  if (before) {
    const event = triggerOf(before[1]!);
    if (event === '') return undefined;
    if (before[2] === undefined) return { kind: 'before', event };
    const amount = parseNumber(before[2]);
    if (amount === undefined) return undefined;
    return { kind: 'before', event, ...spanOf(amount, before[3]!) };
  }

  const within = parseWithin(core);
  if (within) {
    // 公示7个工作日, 为期20日: a duration, not a deadline
    if (/(?:公示|公示期|为期|不少于|持续|每)$/.test(within.trigger)) return undefined;
    return { kind: 'within', ...within.span, trigger: within.trigger };
  }

  const prompt = /^(.*?)(?:后)?及时(?:予以)?(?:公开|公示|发布|公布|更新)?$/.exec(s);
  if (prompt) {
    const trigger = triggerOf(prompt[1]!);
    return trigger === '' ? { kind: 'prompt' } : { kind: 'prompt', trigger };
  }

  const event = EVENT.exec(core);
  if (event && triggerOf(event[1]!) !== '') return { kind: 'event', trigger: triggerOf(event[1]!) };
  return undefined;
}

function parsePart(clause: string): DeadlinePart | undefined {
  const scoped = /^([^:]+):(.+)$/.exec(clause);
  if (scoped) {
    const deadline = parseClause(scoped[2]!);
    return deadline && { scope: scoped[1]!, deadline };
  }
  // 行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示
  const ought = /^(.+?)(?:应当|应)(自.+)$/.exec(clause);
  if (ought) {
    const deadline = parseClause(ought[2]!);
    if (deadline) return { scope: ought[1]!, deadline };
  }
  const deadline = parseClause(clause);
  return deadline && { deadline };
}

/** The deadline a 公开时限 text states; undefined when the text is not in a recognised form. */
function parseDeadlineText(text: string): Deadline | undefined {
  // a cell cut short in copying (“…20个工作日…”) may have lost the very words that matter
  if (/…|⋯|\.\.\./.test(text)) return undefined;
  const parts: DeadlinePart[] = [];
  for (const clause of splitClauses(clean(text))) {
    const kept = clause
      .split(',')
      .filter((segment) => !PROVISO.test(segment))
      .join(',');
    if (kept === '') continue;
    const part = parsePart(kept);
    if (!part) return undefined;
    parts.push(part);
  }
  const first = parts[0];
  if (first === undefined) return undefined;
  if (parts.length === 1 && first.scope === undefined) return first.deadline;
  return { kind: 'compound', parts };
}

const STRICT_WITHIN = new RegExp(`^(.*?)${NUM}(个工作日|工作日|日|天|个自然日|自然日)(?:以)?内?$`);

/**
 * A comparison key for the 信息形成（变更）之日起N个工作日内 family (`信息形成或变更之日起20个工作日内`, or
 * `…之日起20日内` for calendar days): two texts with the same key state the same deadline, as `gk diff` counts
 * it. undefined for any other text, and for family members carrying more than the deadline (a proviso, a second
 * clause). A key is for comparing only: it is never written into a file, since it may drop words (予以公开).
 * 信息形成 and 信息形成或者变更 keep apart: the second also binds the body to publish every change within the
 * period, so a catalog that writes one where the standard writes the other says something else. No trigger at all
 * reads as the 条例's own (第二十六条: 形成或者变更).
 */
function deadlineKeyText(text: string): string | undefined {
  const s = clean(text);
  if (/[;。,:]/.test(s)) return undefined;
  const m = STRICT_WITHIN.exec(stripTrailingVerb(s));
  if (!m) return undefined;
  const trigger = triggerOf(m[1]!);
  if (!isFormationTrigger(trigger)) return undefined;
  const amount = parseNumber(m[2]!);
  if (amount === undefined || amount === 0) return undefined;
  const unit = m[3]!.endsWith('工作日') ? '个工作日' : '日';
  const withChange = trigger === '' || trigger.includes('变更');
  return `${withChange ? CANONICAL_TRIGGER : FORMED_ONLY}之日起${amount}${unit}内`;
}

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65';
/** Blanks between two characters of Chinese text (or a number and Chinese text): they mean nothing there. */
const BLANK_IN_CHINESE = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0\\u3000\\n]+(?=[${CJK}0-9])|(?<=[0-9])[ \\t\\u00a0\\u3000\\n]+(?=[${CJK}])`, 'g');
/** A clause number after a blank (`长期公开 2.处罚决定`): the blank is what separates the clauses, so it stays. */
const CLAUSE_NUMBER = /^(?:\(?\d{1,2}[.、)．]|[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[)）])/;
const NUMBER_CHAR = '[0-9零〇一二两三四五六七八九十百千]';

/**
 * The same 公开时限 with only what cannot change its meaning tidied: full-width digits and letters made half-width,
 * blanks inside Chinese text and at the ends removed, invisible characters dropped, and `20工作日` written
 * `20个工作日`. Words, punctuation, the trigger (形成 vs 形成或者变更), the period and the unit are kept as written.
 */
function tidyDeadlineText(text: string): string {
  const half = text
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  const spaced = half.replace(BLANK_IN_CHINESE, (blank, offset: number) => (CLAUSE_NUMBER.test(half.slice(offset + blank.length, offset + blank.length + 4)) ? blank : ''));
  return spaced.replace(new RegExp(`(?<=${NUMBER_CHAR})工作日`, 'g'), '个工作日');
}

/**
 * The fix deadline-format offers and gk fmt makes: the tidied text, when it differs from what is written and gk
 * reads both as the same deadline; undefined otherwise (nothing to tidy, or a text gk does not recognise).
 */
function fixDeadlineText(text: string): string | undefined {
  const parsed = parseDeadline(text);
  if (parsed === undefined) return undefined;
  const tidy = tidyDeadlineText(text);
  if (tidy === text) return undefined;
  return isDeepStrictEqual(parseDeadline(tidy), parsed) ? tidy : undefined;
}

/** Triggers that name the same event, folded; the 人大 approval of budgets is written many ways. */
function triggerKey(trigger: string): string {
  if (isFormationTrigger(trigger)) return CANONICAL_TRIGGER;
  if (/(?:人民代表大会|人大|常务委员会|常委会).*(?:批准|批复|审议通过|通过)/.test(trigger)) return '人大批准';
  return trigger.replace(/或者/g, '或').replace(/^(?:本级|该)/, '');
}

function calendarDays(span: Span): number {
  return span.workdays ? (span.days * 7) / 5 : span.days;
}

const NOMINAL_DAYS: Record<Period, number> = { week: 7, month: 30, quarter: 91, 'half-year': 182, year: 365 };

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareCompound(a: DeadlinePart[], b: DeadlinePart[]): number | undefined {
  if (a.length !== b.length) return undefined;
  let result = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.scope !== y.scope) return undefined;
    const c = compareDeadlines(x.deadline, y.deadline);
    if (c === undefined) return undefined;
    if (c !== 0) {
      if (result !== 0 && result !== c) return undefined;
      result = c;
    }
  }
  return result;
}

/**
 * Negative when `a` is faster (discloses sooner) than `b`, positive when slower, 0 when the same; undefined when
 * the two cannot be compared (different triggers, different kinds). N working days count as N×7/5 calendar days.
 */
export function compareDeadlines(a: Deadline, b: Deadline): number | undefined {
  if (a.kind === 'compound' || b.kind === 'compound') {
    if (a.kind === 'compound' && b.kind === 'compound') return compareCompound(a.parts, b.parts);
    return undefined;
  }
  if (a.kind === 'realtime' || b.kind === 'realtime') {
    if (a.kind === b.kind) return 0;
    // 常年公开 says how long, not how soon
    if (a.kind === 'long-term' || b.kind === 'long-term') return undefined;
    return a.kind === 'realtime' ? -1 : 1;
  }
  if (a.kind === 'within' && b.kind === 'within') {
    if (triggerKey(a.trigger) !== triggerKey(b.trigger)) return undefined;
    return sign(calendarDays(a) - calendarDays(b));
  }
  if (a.kind === 'periodic' && b.kind === 'periodic') {
    if (a.period !== b.period) {
      if (a.trigger !== undefined || b.trigger !== undefined) return undefined;
      return sign(NOMINAL_DAYS[a.period] - NOMINAL_DAYS[b.period]);
    }
    if (a.within && b.within && a.trigger === b.trigger) return sign(calendarDays(a.within) - calendarDays(b.within));
    return sameData(a, b) ? 0 : undefined;
  }
  if (a.kind === 'interval' || b.kind === 'interval') {
    const length = (d: Deadline): number | undefined =>
      d.kind === 'interval' ? calendarDays(d) : d.kind === 'periodic' && d.trigger === undefined ? NOMINAL_DAYS[d.period] : undefined;
    const x = length(a);
    const y = length(b);
    return x === undefined || y === undefined ? undefined : sign(x - y);
  }
  if (a.kind === 'before' && b.kind === 'before') {
    if (a.event !== b.event) return undefined;
    if (a.days !== undefined && b.days !== undefined) {
      // more days ahead is sooner
      return sign(calendarDays({ days: b.days, workdays: b.workdays ?? false }) - calendarDays({ days: a.days, workdays: a.workdays ?? false }));
    }
    return a.days === b.days ? 0 : undefined;
  }
  return sameData(a, b) ? 0 : undefined;
}

/**
 * Catalogs repeat a handful of 公开时限 wordings thousands of times, so both entry points remember their answers
 * (bounded, so a pathological input cannot grow the cache without limit). Results are frozen: they are shared.
 */
const CACHE_LIMIT = 10_000;
const parsed = new Map<string, Deadline | undefined>();
const keys = new Map<string, string | undefined>();
const fixes = new Map<string, string | undefined>();

function remember<T>(cache: Map<string, T>, key: string, compute: (k: string) => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const value = compute(key);
  cache.set(key, value);
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function parseDeadline(text: string): Deadline | undefined {
  return remember(parsed, text, (t) => deepFreeze(parseDeadlineText(t)));
}

export function deadlineKey(text: string): string | undefined {
  return remember(keys, text, deadlineKeyText);
}

export function fixDeadline(text: string): string | undefined {
  return remember(fixes, text, fixDeadlineText);
}
