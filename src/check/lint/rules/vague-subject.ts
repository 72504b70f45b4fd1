// vague-subject: a 公开主体 must name a real body of this government, not a placeholder or the standard's generic wording.
import { exampleBody } from '../../../model/bodies.js';
import type { Rule } from '../rule.js';

export type SubjectClass = 'ok' | 'placeholder' | 'generic' | 'national';

/** Width and spacing folded, so “（市、区）” and “(市、区)”, “ＸＸ局” and “XX局” read alike. */
function fold(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u200b\ufeff]+/g, '');
}

/** Masks and fill-me-ins anywhere in the text: XX局, ××, ***, 某某, 待定. */
const PLACEHOLDER_MARK = /[Xx]{2,}|[×＊*○〇□_]{2,}|某某|某(?:县|市|区|乡|镇|街道|村|局|委|办|部门|单位)|待定|待填|待补充|待确认|请填写|请输入|TODO|TBD|FIXME/i;
/** Texts that are nothing but a placeholder. */
const PLACEHOLDER_WHOLE = /^(?:无|暂无|略|空|空白|[-—/\\?？.…]+|N\/?A|null|none)$/i;
/** 相关部门, 有关单位, 各相关单位, 相关职能部门: a body in general, named nowhere. */
const VAGUE_BODY = /^各?(?:相关|有关|相应|对应)的?(?:职能|责任|行政|主管|业务|审批)?(?:部门|单位|机关|机构|科室|股室)$/;
/** The standard's way of saying “whichever level adopts this”: 县(市、区), 县级, 地方各级, 本级. */
const GENERIC_MARK = /(?:省|市|州|县|区|旗|乡|镇)\([^)]*[、/][^)]*\)|[省市县区乡镇村]级|各级|地方各级|本级|同级|上级/;
/** Roles a law assigns per case (each tender has its own 招标人): as specific as the subject can be. */
const ROLE = /^(?:招标人|招标代理机构|采购人|采购代理机构|项目单位|项目法人|建设单位|出让人|申请人)$/;
/**
 * Inside its own county's catalog, 县财政局 or 区应急局 names one office as surely as the full name does, and real
 * county tables write it that way; 县级…部门 (the standard's wording) does not.
 */
const OWN_LEVEL_BODY = /^(?:[县区市旗]|乡(?!镇)|镇)(?!级)[\p{Script=Han}()]{1,20}(?:局|委员会|委|办公室|办|中心|所|站|队|院|馆|人民政府|街道办事处)$/u;
const BODY_IN_GENERAL = /部门|单位|机构|机关/;
/**
 * A body a place names itself by in its own catalog: 安邑办事处 (a 街道办事处), 张庄村民委员会, 城关居委会. The place
 * is two or more characters that are not a level or a generic word.
 */
const SHORT_NAMED_BODY = /^(\p{Script=Han}{2,10}?)(?:街道)?(?:办事处|村民委员会|村委会|居民委员会|居委会)$/u;
const NOT_A_PLACE = /^(?:各|本|该|相关|有关|所在|乡镇|街道|社区|城乡|基层|当地|属地)|(?:[省市县区乡镇村]级)/;

function shortNamedBody(part: string): boolean {
  const m = SHORT_NAMED_BODY.exec(part);
  return m !== null && !NOT_A_PLACE.test(m[1]!);
}
/** Each township of this county, taken together. */
const ALL_TOWNSHIPS = /^各(?:乡镇|乡|镇|街道|乡镇\(街道\)|乡镇人民政府|乡镇人民政府\(街道办事处\)|街道办事处)$/;

const PLACE_SUFFIXES = ['自治区', '自治州', '自治县', '自治旗', '地区', '街道', '社区', '省', '市', '州', '盟', '县', '旗', '区', '镇', '乡', '村'];
/** Words that end or start with a place suffix without being a place: 城乡, 城市, 农村, 市场, 市政, 乡镇. */
const NOT_PLACE_BEFORE = ['城乡', '城市', '城区', '农村', '乡村', '都市', '社区'];
const NOT_PLACE_AFTER = ['市场', '市政', '市容', '市民', '区域', '县域', '乡镇', '村民', '村镇', '村级', '乡级', '县级', '市级', '区级', '镇级'];
const NOT_PLACE_NAMES = new Set(['城', '县', '市', '区', '乡', '镇', '省', '州', '村', '全', '各', '本', '该', '辖', '地方', '开发', '高新', '经开', '经济开发', '工业', '产业', '园', '新']);
/** Prefixes that come before the place in a body's full name. */
const BODY_PREFIX = /^(?:中国共产党|中共|国家税务总局|共青团|国网|中国人民银行)/;

/** Whether a part begins with a place name: 示例县…, 荆门市掇刀区…, 安砂镇…, 国家税务总局示例县…. */
function namesPlace(part: string): boolean {
  const s = part.replace(BODY_PREFIX, '');
  for (let k = 1; k <= Math.min(12, s.length - 1); k++) {
    const prefix = s.slice(0, k);
    if (!/^\p{Script=Han}+$/u.test(prefix) || NOT_PLACE_NAMES.has(prefix) || /[各级的]|部门|相关|有关/.test(prefix)) continue;
    const suffix = PLACE_SUFFIXES.find((x) => s.startsWith(x, k));
    if (suffix === undefined) continue;
    if (NOT_PLACE_BEFORE.includes(s.slice(k - 1, k + 1)) || NOT_PLACE_AFTER.includes(s.slice(k, k + 2))) continue;
    return true;
  }
  return false;
}

/** Split a list of bodies (“县民政局、乡镇人民政府”) at separators outside brackets. */
function splitBodies(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0) {
      const sep = /^(?:、|,|;|\/|以及|及其|或其|或者|及|或)/.exec(s.slice(i));
      if (sep) {
        parts.push(current);
        current = '';
        i += sep[0].length - 1;
        continue;
      }
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.replace(/^(?:其委托的|其|由)/, '').replace(/(?:负责|分别|共同)?(?:公开|发布)$/, '')).filter((p) => p !== '');
}

const RANK: Record<SubjectClass, number> = { ok: 0, national: 1, generic: 2, placeholder: 3 };

/**
 * How specific a 公开主体 is: a named body (`ok`), a placeholder (`placeholder`), the standard's generic wording
 * (`generic`), or word for word the subject of the national item it implements (`national`).
 */
export function classifySubject(subject: string, nationalSubject?: string): SubjectClass {
  const key = `${subject}\u0000${nationalSubject ?? ''}`;
  const known = classified.get(key);
  if (known !== undefined) return known;
  if (classified.size >= 10_000) classified.clear();
  const c = classifySubjectText(subject, nationalSubject);
  classified.set(key, c);
  return c;
}

/** Subjects repeat across a catalog (one office answers for a whole domain): remember each answer. */
const classified = new Map<string, SubjectClass>();

function classifySubjectText(subject: string, nationalSubject?: string): SubjectClass {
  const s = fold(subject);
  if (s === '' || PLACEHOLDER_WHOLE.test(s) || PLACEHOLDER_MARK.test(s) || VAGUE_BODY.test(s)) return 'placeholder';
  if (nationalSubject !== undefined && fold(nationalSubject) === s) return 'national';
  if (GENERIC_MARK.test(s)) return 'generic';
  let worst: SubjectClass = 'ok';
  for (const part of splitBodies(s)) {
    let c: SubjectClass;
    if (VAGUE_BODY.test(part)) c = 'placeholder';
    else if (ROLE.test(part) || ALL_TOWNSHIPS.test(part) || namesPlace(part) || shortNamedBody(part)) c = 'ok';
    else if (OWN_LEVEL_BODY.test(part) && !BODY_IN_GENERAL.test(part) && !NOT_PLACE_AFTER.some((w) => part.startsWith(w))) c = 'ok';
    else c = 'generic';
    if (RANK[c] > RANK[worst]) worst = c;
  }
  return worst;
}


export const rule: Rule = {
  meta: {
    id: 'vague-subject',
    severity: 'warning',
    description: {
      zh: '公开主体应写明本级具体单位，不能是占位写法、标准目录的通用表述或与国家标准原文相同',
      en: '公开主体 must name a body of this government, not a placeholder, the standard’s generic wording, or the national text verbatim',
    },
  },
  messages: {
    placeholder: { zh: '公开主体“{value}”是占位写法，不是具体单位', en: '公开主体 "{value}" is a placeholder, not a named body' },
    generic: {
      zh: '公开主体“{value}”是通用表述，没有落实到本级具体单位',
      en: '公开主体 "{value}" is generic wording, not a named body of this government',
    },
    national: {
      zh: '公开主体“{value}”与国家标准目录事项 {standard} 的原文相同，未本地化',
      en: '公开主体 "{value}" is word for word the national standard item {standard}; it was not localised',
    },
    hint: { zh: '写明具体单位全称，如“{example}”', en: 'write the body’s full name, e.g. "{example}"' },
  },
  item({ file, item, national, path }, context) {
    const value = item.subject;
    if (value === undefined || value.trim() === '') return;
    const c = classifySubject(value, national?.subject);
    if (c === 'ok') return;
    const example = exampleBody(context.government.manifest.name, context.government.manifest.level, file.catalog.domain);
    context.report({ file, path: path('subject'), messageId: c, params: { value, standard: item.standard }, hintId: 'hint', hintParams: { example } });
  },
};
