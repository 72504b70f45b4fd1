// YAML parser errors in the user's language: the `yaml` library's error code (and, where one code covers several
// problems, the shape of its English text) mapped to a bilingual message and hint.
import { say, type Message } from '../model/i18n.js';
import type { Lang } from '../model/types.js';

interface Entry {
  message: Message;
  hint?: Message;
}

const QUOTE_HINT: Message = { zh: '检查引号是否成对；值中含有引号时可去掉外层引号', en: 'check that quotes come in pairs; drop the outer quotes if the value holds a quote' };
const FLOW_HINT: Message = { zh: '方括号 [ ] 和花括号 { } 须成对，其中各项用半角逗号“,”分隔', en: '[ ] and { } must come in pairs, with items separated by half-width commas' };
const INDENT_HINT: Message = { zh: '同一层级的键或“- ”须从同一列开始；缩进只用空格', en: 'keys or "- " of one level must start in the same column; indent with spaces only' };

/** Problems one code reports in several wordings, told apart by the library's English text. */
const BY_TEXT: ReadonlyArray<readonly [RegExp, Entry]> = [
  [/^Missing closing "?quote/, { message: { zh: '引号没有闭合', en: 'a quoted value is not closed' }, hint: QUOTE_HINT }],
  [/end with an? ([\]}])/, { message: { zh: '缺少右括号“{close}”', en: 'missing the closing "{close}"' }, hint: FLOW_HINT }],
  [/^Missing , (or : )?between/, { message: { zh: '列表或映射的两项之间缺少半角逗号“,”', en: 'a half-width comma "," is missing between two items' }, hint: FLOW_HINT }],
  [/^Missing space after :/, { message: { zh: '冒号“:”后缺少空格', en: 'a space is missing after ":"' }, hint: { zh: '写作“键: 值”', en: 'write "key: value"' } }],
  [/^Unexpected , in|^Unexpected empty item/, { message: { zh: '多余的逗号“,”', en: 'a stray comma ","' }, hint: FLOW_HINT }],
  [/^Implicit map keys need to be followed by map values/, { message: { zh: '这一行缺少“键: 值”中的冒号“:”', en: 'this line lacks the ":" of "key: value"' }, hint: { zh: '键后用半角冒号加空格，如“name: 政府预算”', en: 'follow the key with a half-width colon and a space, e.g. "name: 政府预算"' } }],
  [/^Sequence item without - indicator/, { message: { zh: '列表项缺少“- ”', en: 'a list item lacks its "- "' }, hint: INDENT_HINT }],
  [/must start at the same column/, { message: { zh: '同一层级的项没有对齐', en: 'items of one level do not start in the same column' }, hint: INDENT_HINT }],
  [/^Plain value cannot start with .*?(\S)$/, { message: { zh: '值不能以“{char}”开头', en: 'a plain value cannot start with "{char}"' }, hint: { zh: '给整个值加上引号', en: 'quote the whole value' } }],
  [/^Comments must be separated/, { message: { zh: '注释符“#”前须有空格', en: 'a "#" comment must be preceded by a space' }, hint: { zh: '值中的“#”须加引号', en: 'quote a value that contains "#"' } }],
  [/^Nested mappings are not allowed in compact mappings/, { message: { zh: '同一行中出现了两个“键: ”', en: 'two "key: " on one line' }, hint: { zh: '值中含有“: ”时须给整个值加引号', en: 'quote a value that contains ": "' } }],
  [/^Block collections are not allowed within flow collections/, { message: { zh: '[ ] 或 { } 中不能再写分行的列表或映射', en: 'a list or mapping written over several lines cannot sit inside [ ] or { }' }, hint: FLOW_HINT }],
  [/^Unresolved tag/, { message: { zh: '不认识的 YAML 标签（以“!”开头）', en: 'unknown YAML tag (starting with "!")' }, hint: { zh: '值以“!”开头时须加引号', en: 'quote a value that starts with "!"' } }],
];

const BY_CODE: Readonly<Record<string, Entry>> = {
  TAB_AS_INDENT: { message: { zh: 'YAML 缩进不能使用制表符（Tab）', en: 'tabs are not allowed for YAML indentation' }, hint: { zh: '请把行首的 Tab 换成空格', en: 'replace leading tabs with spaces' } },
  MULTIPLE_DOCS: { message: { zh: '一个文件只能包含一个 YAML 文档（发现多个 ---）', en: 'a file must hold a single YAML document (found several ---)' } },
  BAD_INDENT: { message: { zh: 'YAML 缩进不正确', en: 'bad YAML indentation' }, hint: INDENT_HINT },
  MISSING_CHAR: { message: { zh: '缺少必需的符号（引号、括号、逗号或冒号）', en: 'a required character is missing (quote, bracket, comma or colon)' } },
  UNEXPECTED_TOKEN: { message: { zh: '此处出现了不应有的符号', en: 'unexpected character here' }, hint: { zh: '含有 : # [ ] { } , & * ! | > 等符号的值须加引号', en: 'quote values that contain : # [ ] { } , & * ! | >' } },
  BAD_SCALAR_START: { message: { zh: '值不能以这个符号开头', en: 'a plain value cannot start with this character' }, hint: { zh: '给整个值加上引号', en: 'quote the whole value' } },
  BAD_DQ_ESCAPE: { message: { zh: '双引号中的反斜杠“\\”转义无效', en: 'invalid "\\" escape inside double quotes' }, hint: { zh: '改用单引号，或把“\\”写成“\\\\”', en: 'use single quotes, or write "\\" as "\\\\"' } },
  BLOCK_AS_IMPLICIT_KEY: { message: { zh: '键不能是分行的列表或映射', en: 'a key cannot be a list or mapping over several lines' } },
  BLOCK_IN_FLOW: { message: { zh: '[ ] 或 { } 中不能再写分行的列表或映射', en: 'a list or mapping written over several lines cannot sit inside [ ] or { }' }, hint: FLOW_HINT },
  MULTILINE_IMPLICIT_KEY: { message: { zh: '键不能跨行：这一行或上一行可能缺少冒号“:”或引号', en: 'a key cannot span several lines: this line or the one above may lack a ":" or a quote' }, hint: { zh: '键后用半角冒号加空格，如“items:”', en: 'follow a key with a half-width colon, e.g. "items:"' } },
  KEY_OVER_1024_CHARS: { message: { zh: '键太长（超过 1024 个字符）', en: 'a key is too long (over 1024 characters)' } },
  DUPLICATE_KEY: { message: { zh: '键重复出现', en: 'a key appears more than once' } },
  NON_STRING_KEY: { message: { zh: '键必须是文字', en: 'keys must be text' } },
  BAD_ALIAS: { message: { zh: 'YAML 别名（*名称）无效或找不到对应的锚点（&名称）', en: 'a YAML alias (*name) is invalid or has no anchor (&name)' }, hint: { zh: '以“*”或“&”开头的值须加引号', en: 'quote a value that starts with "*" or "&"' } },
  ALIAS_PROPS: { message: { zh: 'YAML 别名不能带标签或锚点', en: 'a YAML alias cannot carry a tag or anchor' } },
  MULTIPLE_ANCHORS: { message: { zh: '一个值只能有一个锚点（&名称）', en: 'a value can have only one anchor (&name)' } },
  MULTIPLE_TAGS: { message: { zh: '一个值只能有一个标签（!名称）', en: 'a value can have only one tag (!name)' } },
  BAD_PROP_ORDER: { message: { zh: '锚点或标签的位置不对', en: 'an anchor or tag is in the wrong place' } },
  BAD_DIRECTIVE: { message: { zh: '无效的 YAML 指令（以“%”开头的行）', en: 'invalid YAML directive (a line starting with "%")' } },
  TAG_RESOLVE_FAILED: { message: { zh: '值与其 YAML 标签不符', en: 'the value does not fit its YAML tag' } },
  BAD_COLLECTION_TYPE: { message: { zh: '值与其 YAML 标签要求的类型不符', en: 'the value is not of the kind its YAML tag requires' } },
  RESOURCE_EXHAUSTION: { message: { zh: 'YAML 展开过大，已拒绝解析', en: 'the YAML expands too far; parsing refused' } },
  IMPOSSIBLE: { message: { zh: 'YAML 无法解析', en: 'the YAML cannot be parsed' } },
};

const FALLBACK: Message = { zh: 'YAML 语法错误', en: 'YAML syntax error' };

/** The `yaml` library's error as gk says it. Never echoes the library's English into a Chinese message. */
export function yamlErrorMessage(code: string, detail: string, lang: Lang): { message: string; hint?: string } {
  const text = detail.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  for (const [pattern, entry] of BY_TEXT) {
    const m = pattern.exec(text);
    if (m) return render(entry, lang, { close: m[1], char: m[1] });
  }
  const entry = Object.hasOwn(BY_CODE, code) ? BY_CODE[code]! : { message: FALLBACK };
  return render(entry, lang, {});
}

function render(entry: Entry, lang: Lang, params: Record<string, string | undefined>): { message: string; hint?: string } {
  const out: { message: string; hint?: string } = { message: say(entry.message, lang, params) };
  if (entry.hint) out.hint = say(entry.hint, lang, params);
  return out;
}
