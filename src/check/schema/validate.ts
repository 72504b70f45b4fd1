// ajv against the generated schemas, with every error turned into a translated, located Diagnostic.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { distance } from 'fastest-levenshtein';
import { makeDiagnostic } from '../../model/diagnostic.js';
import { ELEMENT_NAMES } from '../../model/elements.js';
import { fixVocabularyValue, fmtRewritesVocabulary } from '../../model/values.js';
import { say, type Message } from '../../model/i18n.js';
import type { SourceFile } from '../../load/source.js';
import type { DataPath, Diagnostic, Lang } from '../../model/types.js';

export type SchemaKind = 'catalog' | 'manifest';

// verbose: errors carry their parent schema, which names the keys an unknown key was probably meant to be.
const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true } as const;
// The quick validators only say whether a document is valid: the first error ends them, and it carries no message.
const QUICK_OPTIONS = { allErrors: false, strict: false, allowUnionTypes: true, verbose: false, messages: false } as const;

/** The full validators (whose errors become diagnostics), and beside them the quick ones that only say yes or no. */
export type Validators = Record<SchemaKind, ValidateFunction> & { quick: Record<SchemaKind, ValidateFunction> };

/** ajv's compiler (some seventy modules) is loaded only to compile: a built gk runs the precompiled validators. */
function ajvCompiler(): typeof import('ajv') {
  return createRequire(import.meta.url)('ajv') as typeof import('ajv');
}

const STRING_SIDE = new Set(['type', 'minLength', 'maxLength', 'pattern', 'enum', 'title', 'description', 'examples']);
const ARRAY_SIDE = new Set(['type', 'items', 'minItems', 'uniqueItems', 'title', 'description']);

/** A regular expression (ajv's, with the u flag) matching exactly the given strings. */
function exactly(values: readonly string[]): string {
  return `^(?:${values.map((v) => v.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|')})$`;
}

/**
 * The same schema in a form ajv checks without making an error object for every value that is valid: `anyOf:
 * [{ type: string, … }, { type: array, … }]` (one value or a list of them) fails its first branch for every list
 * and makes an error for it (about 300 bytes with its path and message), though the document is valid. As one
 * schema of both types the string keywords apply only to strings and the array keywords only to arrays, so it
 * accepts exactly the same values; an `enum` of strings (which would apply to both) becomes a pattern matching
 * exactly those strings. Any other anyOf is left as it is. A city's validate spent a sixth of its allocations on
 * those errors (issue 12); test/schema/quick.test.ts checks that both forms agree.
 */
export function quickSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(quickSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = quickSchema(v);
  const branches = out.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return out;
  const [one, many] = branches as Array<Record<string, unknown>>;
  if (one?.type !== 'string' || many?.type !== 'array') return out;
  if (!Object.keys(one).every((k) => STRING_SIDE.has(k)) || !Object.keys(many).every((k) => ARRAY_SIDE.has(k))) return out;
  const values = one.enum;
  if (values !== undefined && (!Array.isArray(values) || !values.every((v) => typeof v === 'string') || one.pattern !== undefined)) return out;
  const merged: Record<string, unknown> = { type: ['string', 'array'] };
  for (const k of ['minLength', 'maxLength', 'pattern'] as const) if (one[k] !== undefined) merged[k] = one[k];
  if (values !== undefined) merged.pattern = exactly(values as string[]);
  for (const k of ['items', 'minItems', 'uniqueItems'] as const) if (many[k] !== undefined) merged[k] = many[k];
  delete out.anyOf;
  return { ...out, ...merged };
}

export function compileSchemas(schemas: Record<SchemaKind, object>): Validators {
  const { Ajv } = ajvCompiler();
  const ajv = new Ajv(AJV_OPTIONS);
  const quick = new Ajv(QUICK_OPTIONS);
  return {
    catalog: ajv.compile(schemas.catalog),
    manifest: ajv.compile(schemas.manifest),
    quick: { catalog: quick.compile(quickSchema(schemas.catalog) as object), manifest: quick.compile(quickSchema(schemas.manifest) as object) },
  };
}

/**
 * The validators as one CommonJS module (ajv standalone), so a run loads them instead of compiling the schemas: the
 * full ones as its exports, the quick ones as its `quick` export, each set in a scope of its own (ajv names the
 * functions of each the same).
 */
export function precompiledSource(schemas: Record<SchemaKind, object>): string {
  const { Ajv } = ajvCompiler();
  const standalone = createRequire(import.meta.url)('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js');
  const code = (options: object, catalog: object, manifest: object) => {
    const ajv = new Ajv({ ...options, code: { source: true } });
    ajv.addSchema(catalog, 'catalog');
    ajv.addSchema(manifest, 'manifest');
    // a CommonJS module under ESM interop: the function is its default export
    return standalone.default(ajv, { catalog: 'catalog', manifest: 'manifest' });
  };
  const scoped = (source: string) => `(function () {\nconst exports = {};\nconst module = { exports };\n${source}\nreturn module.exports;\n})()`;
  return [
    '"use strict";',
    `const full = ${scoped(code(AJV_OPTIONS, schemas.catalog, schemas.manifest))};`,
    `const quick = ${scoped(code(QUICK_OPTIONS, quickSchema(schemas.catalog) as object, quickSchema(schemas.manifest) as object))};`,
    'module.exports = { catalog: full.catalog, manifest: full.manifest, quick: { catalog: quick.catalog, manifest: quick.manifest } };',
    '',
  ].join('\n');
}

/** Keys as schema messages name them: the item elements, and the other keys of catalogs and manifests. */
const FIELD_NAMES: Record<string, { zh: string; en: string }> = {
  ...ELEMENT_NAMES,
  id: { zh: '事项编号', en: 'id' },
  standard: { zh: '对应国家标准事项', en: 'standard' },
  // `name` is also the government's name in gk.yaml.
  name: { zh: '二级事项（或名称）', en: 'name' },
  domain: { zh: '领域', en: 'domain' },
  items: { zh: '公开事项列表', en: 'items' },
  exclusions: { zh: '不适用事项列表', en: 'exclusions' },
  reason: { zh: '理由', en: 'reason' },
  code: { zh: '行政区划代码', en: 'code' },
  level: { zh: '层级', en: 'level' },
  field: { zh: '要素', en: 'field' },
};

const M: Record<string, Message> = {
  required: { zh: '缺少必填项“{field}”（{name}）', en: 'missing required property "{field}" ({name})' },
  additional: { zh: '不认识的键“{key}”', en: 'unknown key "{key}"' },
  didYouMean: { zh: '是否指“{key}”？', en: 'did you mean "{key}"?' },
  additionalHint: { zh: '允许的键：{allowed}', en: 'allowed keys: {allowed}' },
  typeString: { zh: '{name}应为文字', en: '{name} must be text' },
  typeArray: { zh: '{name}应为列表', en: '{name} must be a list' },
  typeObject: { zh: '{name}应为键值映射（key: value）', en: '{name} must be a mapping (key: value)' },
  typeRoot: { zh: '文件内容应为键值映射（如 domain: …、items: …），而不是{actual}', en: 'the file must be a mapping (domain: …, items: …), not {actual}' },
  typeOther: { zh: '{name}的类型应为 {type}', en: '{name} must be of type {type}' },
  codeQuote: { zh: '行政区划代码请加引号，如 code: "410000"', en: 'quote the code, e.g. code: "410000"' },
  enum: { zh: '{name}的值“{value}”不在允许范围内：{allowed}', en: '{name} value "{value}" is not one of: {allowed}' },
  oneOrMany: { zh: '{name}应为以下之一（或其列表）：{allowed}', en: '{name} must be one of (or a list of): {allowed}' },
  pattern: { zh: '{name}“{value}”格式不正确', en: '{name} "{value}" has the wrong form' },
  idPattern: { zh: '只能用字母、数字、点、下划线和连字符，且以字母或数字开头', en: 'use letters, digits, dots, underscores and hyphens, starting with a letter or digit' },
  codePattern: { zh: '应为 6 位（县）、9 位（乡镇）或 12 位（村）数字', en: 'must be 6 (county), 9 (township) or 12 (village) digits' },
  empty: { zh: '{name}不能为空', en: '{name} must not be empty' },
  minItems: { zh: '{name}列表不能为空', en: '{name} must not be an empty list' },
  unique: { zh: '{name}中有重复的值', en: '{name} has duplicate values' },
  generic: { zh: '{name}的值不符合格式要求', en: '{name} does not match the format' },
  keyPattern: { zh: '{name}中的键“{key}”格式不正确', en: 'key "{key}" of {name} has the wrong form' },
  keyGeneric: { zh: '{name}中的键“{key}”不符合要求', en: 'key "{key}" of {name} is not allowed' },
  domainPattern: {
    zh: '领域编号只能用小写英文字母和数字，以字母开头，单词间用一个连字符连接（最长 64 个字符），如 my-domain',
    en: 'a domain id is lowercase letters and digits, starting with a letter, words joined by single hyphens (at most 64 characters), e.g. my-domain',
  },
};

/** Offices write the official column names as keys; point them at gk's key for that element. */
const CHINESE_KEYS: Record<string, string> = {
  事项编号: 'id',
  一级事项: 'category',
  二级事项: 'name',
  事项名称: 'name',
  公开事项: 'name',
  公开内容: 'content',
  公开依据: 'basis',
  公开时限: 'deadline',
  公开主体: 'subject',
  公开渠道: 'channels',
  公开渠道和载体: 'channels',
  公开对象: 'audience',
  公开方式: 'mode',
  公开层级: 'levels',
  五公开: 'publics',
  领域: 'domain',
  事项: 'items',
  不适用事项: 'exclusions',
  理由: 'reason',
  名称: 'name',
  行政区划代码: 'code',
  层级: 'level',
  上级: 'parent',
};

function nameOf(path: DataPath, lang: Lang): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string') return FIELD_NAMES[seg]?.[lang] ?? seg;
  }
  return lang === 'zh' ? '文件' : 'file';
}

function toPath(instancePath: string): DataPath {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const seg of path) v = v === null || typeof v !== 'object' ? undefined : (v as Record<string | number, unknown>)[seg];
  return v;
}

function describe(v: unknown, lang: Lang): string {
  if (Array.isArray(v)) return lang === 'zh' ? '列表' : 'a list';
  if (v === null || v === undefined) return lang === 'zh' ? '空值' : 'null';
  if (typeof v === 'object') return lang === 'zh' ? '映射' : 'a mapping';
  return lang === 'zh' ? `“${String(v)}”` : `"${String(v)}"`;
}

type Collapsed = ErrorObject & { allowed?: string[] };

/** The prefixes of an instance path, longest first: "/items/3/mode" → "/items/3/mode", "/items/3", "/items", "". */
function instancePrefixes(instancePath: string): string[] {
  const out = [instancePath];
  for (let i = instancePath.lastIndexOf('/'); i > 0; i = instancePath.lastIndexOf('/', i - 1)) out.push(instancePath.slice(0, i));
  if (instancePath !== '') out.push('');
  return out;
}

/**
 * ajv reports every failed branch of an anyOf; keep the anyOf itself (with the allowed values gathered from
 * its branches) and drop the branch noise, so one mistake gives one diagnostic. A branch belongs to the outermost
 * anyOf failed at the same place in the data: looked up by (data path, schema path), so the work is linear in the
 * number of errors (10,000 items with one error each used to take minutes).
 */
function collapse(errors: ErrorObject[]): Collapsed[] {
  const key = (instancePath: string, schemaPath: string) => `${instancePath}\u0000${schemaPath}`;
  const branches = new Map<string, ErrorObject[]>();
  for (const e of errors) if (e.keyword === 'anyOf') branches.set(key(e.instancePath, e.schemaPath), []);
  const ownerOf = (e: ErrorObject): ErrorObject[] | undefined => {
    if (branches.size === 0) return undefined;
    const prefixes = instancePrefixes(e.instancePath);
    for (let i = e.schemaPath.indexOf('/anyOf/'); i !== -1; i = e.schemaPath.indexOf('/anyOf/', i + 1)) {
      const schemaPath = e.schemaPath.slice(0, i + '/anyOf'.length);
      for (const p of prefixes) {
        const owner = branches.get(key(p, schemaPath));
        if (owner) return owner;
      }
    }
    return undefined;
  };
  const kept: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    const owner = ownerOf(e);
    if (owner) owner.push(e);
    else kept.push(e);
  }
  const out: Collapsed[] = [];
  for (const e of kept) {
    if (e.keyword !== 'anyOf') {
      out.push(e);
      continue;
    }
    const own = branches.get(key(e.instancePath, e.schemaPath))!;
    const allowed = own.flatMap((b) => (b.keyword === 'enum' ? (b.params as { allowedValues: string[] }).allowedValues : []));
    const onlyInner = own.filter((b) => b.instancePath !== e.instancePath && b.keyword !== 'type');
    if (allowed.length === 0 && onlyInner.length > 0) {
      // the list branch matched in shape but an element failed: report the element instead
      out.push(...collapse(onlyInner));
      continue;
    }
    out.push({ ...e, allowed: [...new Set(allowed)] });
  }
  return out;
}

/** `quick`, when given, answers first: a valid document (nearly every one) is then never run through `validate`. */
export function schemaDiagnostics(validate: ValidateFunction, source: SourceFile, lang: Lang, quick?: ValidateFunction): Diagnostic[] {
  if (source.data === undefined) return [];
  if (quick?.(source.data)) return [];
  if (validate(source.data)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of collapse(validate.errors ?? [])) {
    let path = toPath(e.instancePath);
    const value = valueAt(source.data, path);
    const name = nameOf(path, lang);
    let message: string;
    let hint: string | undefined;
    let key = false;
    // A key that breaks propertyNames (`domains: {"../../pwned": …}`): Ajv names the key beside the inner error,
    // and adds a `propertyNames` error of its own that says nothing more. The finding is the key, at the key.
    const propertyName = (e as { propertyName?: string }).propertyName;
    if (e.keyword === 'propertyNames') continue;
    if (propertyName !== undefined) {
      path = [...path, propertyName];
      key = true;
      message = say(e.keyword === 'pattern' || e.keyword === 'maxLength' ? M.keyPattern! : M.keyGeneric!, lang, { name, key: propertyName });
      hint = path[0] === 'domains' ? say(M.domainPattern!, lang) : undefined;
    } else {
      switch (e.keyword) {
        case 'required': {
          const field = (e.params as { missingProperty: string }).missingProperty;
          message = say(M.required!, lang, { field, name: FIELD_NAMES[field]?.[lang] ?? field });
          break;
        }
        case 'additionalProperties': {
          const extra = (e.params as { additionalProperty: string }).additionalProperty;
          path = [...path, extra];
          key = true;
          message = say(M.additional!, lang, { key: extra });
          const props = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
          const chinese = CHINESE_KEYS[extra.replace(/[（(].*$/, '')];
          const near = chinese !== undefined && props.includes(chinese) ? [chinese] : props.filter((p) => distance(p.toLowerCase(), extra.toLowerCase()) <= Math.max(1, Math.floor(p.length / 4)));
          if (near.length === 1) hint = say(M.didYouMean!, lang, { key: near[0] });
          else if (props.length > 0) hint = say(M.additionalHint!, lang, { allowed: props.join(', ') });
          break;
        }
        case 'type': {
          const type = (e.params as { type: string }).type;
          if (path.length === 0) message = say(M.typeRoot!, lang, { actual: describe(value, lang) });
          else if (type === 'string') message = say(M.typeString!, lang, { name });
          else if (type === 'array') message = say(M.typeArray!, lang, { name });
          else if (type === 'object') message = say(M.typeObject!, lang, { name });
          else message = say(M.typeOther!, lang, { name, type });
          if (path.length === 1 && path[0] === 'code' && typeof value === 'number') hint = say(M.codeQuote!, lang);
          break;
        }
        case 'enum':
          message = say(M.enum!, lang, { name, value: String(value), allowed: (e.params as { allowedValues: string[] }).allowedValues.join('、') });
          break;
        case 'anyOf':
          message = say(M.oneOrMany!, lang, { name, allowed: ((e as { allowed?: string[] }).allowed ?? []).join('、') });
          break;
        case 'pattern': {
          message = say(M.pattern!, lang, { name, value: String(value) });
          const last = path[path.length - 1];
          hint = last === 'code' || last === 'parent' ? say(M.codePattern!, lang) : say(M.idPattern!, lang);
          break;
        }
        case 'minLength':
          message = say(M.empty!, lang, { name });
          break;
        case 'minItems':
          message = say(M.minItems!, lang, { name });
          break;
        case 'uniqueItems':
          message = say(M.unique!, lang, { name });
          break;
        default:
          message = say(M.generic!, lang, { name });
      }
    }
    const dedupe = `${path.join('/')}|${message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    out.push(
      makeDiagnostic({
        code: 'schema',
        severity: 'error',
        message,
        hint,
        file: source.display,
        path,
        range: source.locator.locate(path, { key }),
        fixable: fixedByFmt(path, value),
      }),
    );
  }
  return out;
}

/** An item's vocabulary value gk fmt rewrites (主动公开 → 主动, a repeated value): the value, a list, or an element of one. */
function fixedByFmt(path: DataPath, value: unknown): boolean {
  if (path[0] !== 'items' || typeof path[1] !== 'number') return false;
  if (path.length === 3 && typeof path[2] === 'string') return fmtRewritesVocabulary(path[2], value);
  return path.length === 4 && typeof path[2] === 'string' && typeof path[3] === 'number' && typeof value === 'string' && fixVocabularyValue(path[2], value) !== undefined;
}
