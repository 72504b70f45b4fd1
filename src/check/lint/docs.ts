// What every diagnostic code means, for `gk explain` and README's rule tables: purpose, examples, how to fix or suppress.
import type { Message } from '../../model/i18n.js';
import type { Severity } from '../../model/types.js';

export interface RuleExample {
  /** A YAML fragment as a catalog (or gk.yaml) would hold it. */
  yaml: string;
  /** What the example shows, when the YAML alone does not say it. */
  note?: Message;
}

export interface RuleDocs {
  /** One line; README's rule table shows the Chinese one verbatim (a test keeps them equal). */
  summary: Message;
  /** Why gk checks this. */
  why: Message;
  flags: RuleExample[];
  accepts: RuleExample[];
  fix: Message;
}

/** The kind of check a code comes from, which decides how it can be switched off. */
export type CheckKind = 'stage' | 'rule' | 'diff' | 'workspace';

export interface CheckDocs extends RuleDocs {
  kind: CheckKind;
  /** Stage, diff and workspace checks have a fixed severity; a lint rule's comes from its meta. */
  severity?: Severity;
}

const m = (zh: string, en: string): Message => ({ zh, en });

/** Keyed by diagnostic code. Stage checks first, then lint rules (alphabetical, as in the registry), then diff and workspace. */
export const checkDocs: Readonly<Record<string, CheckDocs>> = {
  encoding: {
    kind: 'stage',
    severity: 'error',
    summary: m(
      '文件不是 UTF-8（带 BOM 的 UTF-8 可以）。GBK/GB18030、UTF-16 会被识别并说明如何转换（GBK 文件仍会按 GB18030 读取并继续检查）；二进制文件不读取（超过 64 MB 的文件见 `limit`）',
      'the file is not UTF-8 (UTF-8 with a BOM is fine). GBK/GB18030 and UTF-16 are recognised and the message says how to convert (a GBK file is still read as GB18030 and checked); binary files are not read (files over 64 MB: see `limit`)',
    ),
    why: m('目录文件在 git、网页和各种编辑器之间流转，只有 UTF-8 能保证处处显示一致。', 'catalog files travel between git, web pages and many editors; only UTF-8 shows the same everywhere.'),
    flags: [{ yaml: '# 用记事本以 ANSI（GBK）编码保存的 fiscal-budget.yaml', note: m('Windows 记事本“ANSI”即 GBK', 'Notepad’s “ANSI” is GBK') }],
    accepts: [{ yaml: '# 以 UTF-8 保存的同一文件' }],
    fix: m('运行 gk fmt（或 gk validate --fix）把 GBK 文件转为 UTF-8；或在编辑器中“另存为 UTF-8”。', 'run gk fmt (or gk validate --fix) to convert a GBK file to UTF-8, or save it as UTF-8 in the editor.'),
  },
  'empty-file': {
    kind: 'stage',
    severity: 'error',
    summary: m('文件为空或只有注释', 'the file is empty or holds only comments'),
    why: m('空的领域文件多半是漏存或误删，会让该领域在网站上悄悄消失。', 'an empty domain file is usually a lost save or a deletion, and would make the domain vanish from the site without a word.'),
    flags: [{ yaml: '# 财政预算（待补充）' }],
    accepts: [{ yaml: 'domain: fiscal-budget\nitems: []' }],
    fix: m('写入 domain 和 items；确实不需要的文件请删除。', 'write domain and items; delete the file if it is not needed.'),
  },
  'yaml-syntax': {
    kind: 'stage',
    severity: 'error',
    summary: m('YAML 语法错误，如用 Tab 缩进、缩进不一致、一个文件多个文档', 'a YAML syntax error, such as tab indentation, inconsistent indentation, or several documents in one file'),
    why: m('语法错误的文件无法读取，其中的事项既不能检查也不能发布。', 'a file with a syntax error cannot be read: none of its items can be checked or published.'),
    flags: [{ yaml: 'items:\n  - id: fiscal-budget-01\n\tname: 政府预算', note: m('第三行用 Tab 缩进', 'the third line is indented with a tab') }],
    accepts: [{ yaml: 'items:\n  - id: fiscal-budget-01\n    name: 政府预算' }],
    fix: m('按消息所指的行列修改；缩进只用空格，同一层级对齐。', 'edit the line and column the message names; indent with spaces only, aligned per level.'),
  },
  'yaml-alias': {
    kind: 'stage',
    severity: 'error',
    summary: m('YAML 别名展开超过 100 个（“别名炸弹”），拒绝解析', 'YAML aliases expand more than 100 times (an “alias bomb”); the file is not parsed'),
    why: m('少量别名就能展开成巨大的数据，拖垮检查和构建。', 'a few aliases can expand into huge data and bring checks and builds down.'),
    flags: [{ yaml: 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]' }],
    accepts: [{ yaml: 'channels: [政府网站, 公开栏]' }],
    fix: m('把别名展开，直接写出内容。', 'write the content out instead of using aliases.'),
  },
  'unreadable-file': {
    kind: 'stage',
    severity: 'error',
    summary: m(
      '文件未读取：不是普通文件（命名管道 FIFO、设备、套接字），是指向仓库之外的符号链接，没有读取权限，`catalog` 不是文件夹，或文件名不是 UTF-8；符号链接形成循环时给出警告，每个文件只算一次',
      'a file was not read: it is not a regular file (a FIFO, device or socket), a symbolic link out of the repository, unreadable, `catalog` is not a folder, or its name is not UTF-8; links forming a loop give a warning, and each file counts once',
    ),
    why: m(
      '命名管道会让检查永远等待；指向仓库之外的链接会把任意文件（如 /etc/passwd）的内容带进 CI 日志。gk 只读仓库内的普通文件，并且从不在消息中引用文件内容。',
      'a FIFO would make a check wait forever; a link out of the repository would bring any file (such as /etc/passwd) into a CI log. gk reads only regular files inside the repository, and never quotes a file in a message.',
    ),
    flags: [{ yaml: '# catalog/x.yaml → /etc/passwd（符号链接）', note: m('链接指向仓库之外', 'the link leads outside the repository') }],
    accepts: [{ yaml: '# catalog/fiscal-budget.yaml（仓库内的普通文件）' }],
    fix: m(
      '把文件内容复制进仓库，删除链接或特殊文件；Windows 压缩包解出的 GBK 文件名请改为 UTF-8（如 convmv -f gbk -t utf8）。“仓库”是含 .git 的文件夹，没有 git 时是最外层含 gk.yaml 的文件夹。',
      'copy the content into the repository and remove the link or special file; rename GBK file names from Windows zip files to UTF-8 (e.g. convmv -f gbk -t utf8). The repository is the folder holding .git, without git the outermost folder holding a gk.yaml.',
    ),
  },
  limit: {
    kind: 'stage',
    severity: 'error',
    summary: m(
      '超过读取上限，文件未读取：文件大于 64 MB，或列表、映射嵌套超过 64 层（别名展开见 `yaml-alias`；导入表格的上限见 README“上限”）',
      'over a reading limit, the file is not read: larger than 64 MB, or lists and mappings nested more than 64 levels deep (alias expansion: `yaml-alias`; limits of imported tables: README, Limits)',
    ),
    why: m('超大或嵌套极深的文件会耗尽内存或调用栈；真实目录远小于这些上限。', 'huge or deeply nested files would exhaust memory or the call stack; real catalogs are far below these limits.'),
    flags: [{ yaml: `items: ${'['.repeat(65)}${']'.repeat(65)}` }],
    accepts: [{ yaml: 'items:\n  - id: fiscal-budget-01\n    deviations:\n      - field: deadline' }],
    fix: m('按领域拆分过大的文件；去掉无意义的嵌套。', 'split a huge file by domain; remove pointless nesting.'),
  },
  'duplicate-key': {
    kind: 'stage',
    severity: 'error',
    summary: m('同一映射中键重复', 'a key appears twice in one mapping'),
    why: m('重复的键只有一个生效，另一个的内容会被悄悄丢弃。', 'only one of two equal keys takes effect; the other’s content is silently lost.'),
    flags: [{ yaml: '  - id: fiscal-budget-01\n    deadline: 批准后20日内\n    deadline: 信息形成或变更之日起20个工作日内' }],
    accepts: [{ yaml: '  - id: fiscal-budget-01\n    deadline: 本级人民代表大会或其常务委员会批准后20日内' }],
    fix: m('保留正确的一个，删除另一个。', 'keep the right one and delete the other.'),
  },
  'fullwidth-colon': {
    kind: 'stage',
    severity: 'error',
    summary: m('键后用了全角冒号“：”（可自动修复；gk 会按修复后的内容继续检查）', 'a key is followed by a full-width colon “：” (fixable; gk goes on checking as if it were fixed)'),
    why: m('YAML 只认半角冒号，“name：政府预算”会被读成一段文字而不是键值。', 'YAML only knows the ASCII colon: “name：政府预算” reads as text, not as a key and value.'),
    flags: [{ yaml: '    name：政府预算' }],
    accepts: [{ yaml: '    name: 政府预算' }, { yaml: '    note: |\n      QQ：123456' }],
    fix: m('运行 gk fmt（或 gk validate --fix）。', 'run gk fmt (or gk validate --fix).'),
  },
  schema: {
    kind: 'stage',
    severity: 'error',
    summary: m('不符合 JSON Schema：缺少必填项、不认识的键、取值不在范围内（如公开对象写成“所有人”）等，消息均已翻译', 'does not fit the JSON Schema: a required key is missing, a key is unknown, a value is out of range (e.g. 公开对象 written as 所有人); every message is translated'),
    why: m('结构不对的事项无法可靠地比较、汇总和发布。', 'items of the wrong shape cannot be compared, counted or published reliably.'),
    flags: [{ yaml: '    audience: 所有人' }, { yaml: '    公开时限: 20个工作日内', note: m('应使用 gk 的键名 deadline', 'use gk’s key, deadline') }],
    accepts: [{ yaml: '    audience: 全社会' }],
    fix: m('按消息和提示修改；编辑器可通过文件首行的 yaml-language-server 注释获得补全。', 'follow the message and hint; editors complete keys through the yaml-language-server modeline.'),
  },
  'unknown-edition': {
    kind: 'stage',
    severity: 'error',
    summary: m('`gk.yaml` 中的 `standard` 既不是内置版本，也不是标准目录文件夹', '`standard` in `gk.yaml` is neither a bundled edition nor a standard catalog folder'),
    why: m('不知道依据哪版国家标准，就无法检查引用和覆盖率。', 'without the edition of the national standard, references and coverage cannot be checked.'),
    flags: [{ yaml: 'standard: national-2019' }],
    accepts: [{ yaml: 'standard: national-2020' }, { yaml: 'standard: ../standard/henan-2021', note: m('用 gk import --edition 导入的版本', 'an edition imported with gk import --edition') }],
    fix: m('写内置版本名，或指向含 edition.yaml 的文件夹的相对路径。', 'name a bundled edition, or give a relative path to a folder holding edition.yaml.'),
  },
  'local-rule': {
    kind: 'stage',
    severity: 'error',
    summary: m(
      '`gk.yaml` 的 `local-rules` 所列本地规则无法使用：不在本文件夹之内（不加载）、找不到、加载失败、格式不对、编号与其他规则重复；或运行时出错（已跳过）',
      'a local rule listed under `local-rules` in `gk.yaml` cannot be used: outside this folder (never loaded), missing, failing to load, of the wrong shape, or with an id already taken; or it failed while checking (skipped)',
    ),
    why: m('本地规则是本地自己写的代码，只能来自本目录仓库之内，出错时不能让整个检查失败。', 'a local rule is the government’s own code: it may come only from inside its repository, and a broken one must not break the whole check.'),
    flags: [{ yaml: 'local-rules: [../shared/rules/contact.mjs]' }, { yaml: 'local-rules: [/etc/rules.mjs]' }],
    accepts: [{ yaml: 'local-rules: [rules/subject-prefix.mjs]' }],
    fix: m('把规则模块放在 gk.yaml 所在文件夹之内；模块导出 rule（或 default），含 meta（id、severity）、messages（zh、en）和 item、file 或 check 之一。', 'keep the module inside the folder of gk.yaml; it exports rule (or default) with meta (id, severity), messages (zh, en) and one of item, file or check.'),
  },
  'code-length': {
    kind: 'rule',
    summary: m('`gk.yaml` 中代码的位数与层级不符：县级应为 6 位、乡级 9 位、村级 12 位（如县级写了 9 位代码）', 'the code in `gk.yaml` does not have its level’s length: county 6, township 9, village 12 digits (such as a 9-digit code on a county)'),
    why: m('代码决定政府在工作区中的位置和上下级关系；位数不对，多半是代码或层级写错了。', 'the code places a government in a workspace and links it to the level above; a wrong length usually means the code or the level is wrong.'),
    flags: [{ yaml: '# gk.yaml\nlevel: county\ncode: "410999001"', note: m('县级写了 9 位代码', 'a 9-digit code on a county') }],
    accepts: [{ yaml: '# gk.yaml\nlevel: county\ncode: "410999"' }, { yaml: '# gk.yaml\nlevel: township\ncode: "410999001"' }],
    fix: m('县级写 6 位行政区划代码，乡级写 9 位、村级写 12 位统计用区划代码；代码无误时改正 level。', 'write the 6-digit division code for a county, the 9-digit or 12-digit statistical code for a township or village; if the code is right, correct level.'),
  },
  'deadline-format': {
    kind: 'rule',
    summary: m(
      '公开时限无法识别（或有省略号、被截断）；或可整理（全角数字、多余空格、“20工作日”，可自动修复为“20个工作日”，文字不变）。法定写法如“信息形成或者变更之日起20个工作日内（予以公开/及时公开，法律法规另有规定的除外）”是规范写法，从不报告（见 docs/fmt.md）',
      'the 公开时限 cannot be read (or an ellipsis cuts it short), or can be tidied (full-width digits, stray blanks, “20工作日”, fixable to “20个工作日” without changing a word). The statutory wording such as “信息形成或者变更之日起20个工作日内” (with 予以公开, 及时公开 or a proviso) is canonical and never reported; see docs/fmt.md',
    ),
    why: m('公开时限是对公众的承诺，必须写得让人（和 gk）读得懂、能比较宽严；法律原文本身就是规范写法。', 'the deadline is a promise to the public: people (and gk) must be able to read it and compare it; the law’s own wording is the canonical form.'),
    flags: [{ yaml: '    deadline: 20工作日内' }, { yaml: '    deadline: 按规定时间' }, { yaml: '    deadline: 自信息形成或者变更之日起7…' }],
    accepts: [
      { yaml: '    deadline: 信息形成或者变更之日起20个工作日内' },
      { yaml: '    deadline: 自该信息形成或者变更之日起20个工作日内予以公开，法律法规另有规定的除外' },
      { yaml: '    deadline: 实时公开' },
    ],
    fix: m(
      '可整理的写法运行 gk fmt 自动整理（只改空格、全角数字和“个工作日”）；无法识别的写法请按原文写完整，或改成提示中的一种。',
      'gk fmt tidies what can be tidied (blanks, full-width digits, 个工作日 only); write an unreadable one out in full as the source has it, or in one of the forms the hint lists.',
    ),
  },
  'duplicate-id': {
    kind: 'rule',
    summary: m('事项编号在目录内重复（指出首次出现的位置）', 'an item id is used twice in the catalog (the first use is pointed out)'),
    why: m('版本比较、上下级衔接都按编号对应事项，编号重复会张冠李戴。', 'version diffs and links between levels match items by id; a repeated id mixes items up.'),
    flags: [{ yaml: '  - id: fiscal-budget-01\n    name: 政府预算\n  - id: fiscal-budget-01\n    name: 政府决算' }],
    accepts: [{ yaml: '  - id: fiscal-budget-01\n    name: 政府预算\n  - id: fiscal-budget-02\n    name: 政府决算' }],
    fix: m('给后一个事项换一个未用过的编号。', 'give the later item an unused id.'),
  },
  'exclusion-reason': {
    kind: 'rule',
    summary: m('排除国家标准事项时没有理由，或理由过于笼统（如“无”“不适用”）', 'a national item is excluded without a reason, or with a vague one (such as 无 or 不适用)'),
    why: m('国家标准不搞一刀切，但删去事项必须说明为什么本地不适用。', 'the standard allows leaving items out, but the catalog must say why an item does not apply here.'),
    flags: [{ yaml: 'exclusions:\n  - standard: fiscal-budget/2' }, { yaml: 'exclusions:\n  - standard: fiscal-budget/2\n    reason: 不适用' }],
    accepts: [{ yaml: 'exclusions:\n  - standard: fiscal-budget/2\n    reason: 本县无此项业务，该职能已划转至市级' }],
    fix: m('在 reason 中写明具体原因。', 'write the actual reason under reason.'),
  },
  'law-title': {
    kind: 'rule',
    summary: m('公开依据、公开内容中引用的法规文件标题是已知的简称或错写（如《信息公开条例》、《关于全面推进政务公开工作意见》），或比已知标题多、少一个字；不认识的标题不报告', 'a title cited in 公开依据 or 公开内容 is a known abbreviation or miswriting (such as 《信息公开条例》 or 《关于全面推进政务公开工作意见》), or has one character more or fewer than a known title; titles gk does not know are not reported'),
    why: m('公众和上级要凭标题找到依据的原文；简称和错字让人找不到，也显得目录不严谨。', 'the public and the level above find the text of a basis by its title; abbreviations and slips make it hard to find.'),
    flags: [
      { yaml: '    basis: [《信息公开条例》]', note: m('简称', 'an abbreviation') },
      { yaml: '    basis: [《关于全面推进政务公开工作意见》]', note: m('漏了“的”', '的 left out') },
    ],
    accepts: [
      { yaml: '    basis: [《中华人民共和国政府信息公开条例》, 《政府信息公开条例》]' },
      { yaml: '    basis: [《示例县政务公开工作实施办法》]', note: m('词表之外的标题不报告', 'a title outside the vocabulary is not reported') },
    ],
    fix: m('按正式文本写出全称（消息给出应写的标题）；词表见 catalogs/standard/law-titles.yaml，由 build-law-titles.mjs 从参考转录表生成。不自动修复：改写依据属于改动内容。', 'write the official full title (the message names it); the vocabulary is catalogs/standard/law-titles.yaml, generated from the reference tables by build-law-titles.mjs. Not fixed automatically: rewriting a basis changes content.'),
  },
  'level-mismatch': {
    kind: 'rule',
    summary: m('事项的公开层级不含本级（县级目录中只标“乡级”的事项，或反之），包括从国家标准继承的层级', 'an item’s 公开层级 excludes the catalog’s own level (an item marked only 乡级 in a county catalog, or the reverse), including levels inherited from the standard'),
    why: m('只由乡镇公开的事项出现在县级目录中，会让公众找错公开主体。', 'an item only townships disclose, listed in a county catalog, sends the public to the wrong office.'),
    flags: [{ yaml: '# 县级目录（gk.yaml: level: county）\n    levels: [乡级]' }],
    accepts: [{ yaml: '# 县级目录\n    levels: [县级, 乡级]' }],
    fix: m('确由本级公开的，在 levels 中加上本级；否则把它移到 exclusions 并写明理由。', 'if this level discloses it, add the level to levels; otherwise move it to exclusions with a reason.'),
  },
  'missing-element': {
    kind: 'rule',
    summary: m('引用国家标准的事项缺少要素，而国家标准转录表也没有该要素（或缺少必须本地填写的公开主体）', 'an item referencing the standard lacks an element the standard’s transcription does not supply either (or lacks the 公开主体, which is always local)'),
    why: m('发布的每个事项都要有完整的八要素；国家标准没写的，只能由本地补上。', 'every published item needs all its elements; what the standard leaves out only the local catalog can supply.'),
    flags: [{ yaml: '  - id: fiscal-budget-01\n    standard: fiscal-budget/1', note: m('没有写公开主体', 'no subject') }],
    accepts: [{ yaml: '  - id: fiscal-budget-01\n    standard: fiscal-budget/1\n    subject: 示例县财政局' }],
    fix: m('在事项中写出消息所说的要素。', 'write the element the message names into the item.'),
  },
  'parent-mismatch': {
    kind: 'rule',
    summary: m('乡镇事项与县级同一国家标准事项、村（社区）事项与所引用的乡镇事项在必须一致的要素上不一致，且未声明理由（同时给出双方位置）', 'a township item and the county’s item for the same national item, or a village item and the township item it references, differ in an element that must match, with no declared reason (both places are shown)'),
    why: m('上下级目录须衔接一致：同一事项在乡镇和县里的公开内容、依据、时限、方式、对象应逐字相同。', 'catalogs of adjacent levels must agree: the same item carries the same content, basis, deadline, mode and audience word for word.'),
    flags: [{ yaml: '# 县：deadline: 信息形成或变更之日起20个工作日内\n# 乡镇：\n    standard: fiscal-budget/1\n    deadline: 信息形成或变更之日起30个工作日内' }],
    accepts: [{ yaml: '    standard: fiscal-budget/1\n    deadline: 信息形成或变更之日起30个工作日内\n    deviations:\n      - field: deadline\n        reason: 本镇按市政府规定执行' }],
    fix: m('改成与上级一致；确有差异时在事项的 deviations 中声明 field 和 reason。', 'make it match the level above, or declare the difference in the item’s deviations with field and reason.'),
  },
  'stray-space': {
    kind: 'rule',
    summary: m('两个汉字之间有空格（“简 历”“政策 文件”）；书名号、括号之内和单位名称之后的空格不报告', 'a space between two Chinese characters (简 历, 政策 文件); spaces inside 《》 or brackets and after a body’s name are not reported'),
    why: m('从 Word、Excel 复制时常带进空格，网页搜索“简历”就找不到“简 历”。', 'spaces slip in when text is copied from Word or Excel, and a search for 简历 does not find 简 历.'),
    flags: [{ yaml: '    name: 政策 文件' }, { yaml: '    content: 个人简 历' }],
    accepts: [
      { yaml: '    basis: [《住房城乡建设部 财政部关于印发农村危房改造脱贫攻坚三年行动方案的通知》]', note: m('正式标题中并列的发文单位', 'bodies listed in an official title') },
      { yaml: '    subject: 示例县财政局 示例县民政局', note: m('单位名称之后的空格是分隔', 'a space after a body’s name separates') },
    ],
    fix: m('删去空格。不自动修复：空格有时是有意的分隔。', 'delete the space. Not fixed automatically: a space is sometimes a deliberate separator.'),
  },
  'unknown-channel': {
    kind: 'rule',
    summary: m('公开渠道不在词表中（给出“是否指……”）；或使用了别名、错别字（如“一微一端”“行政服务中心”，可自动修复为标准名称）', 'a channel is not in the vocabulary (with a did-you-mean), or is an alias or misspelling (such as 一微一端 or 行政服务中心, fixable to the standard name)'),
    why: m('渠道名称统一，公众才知道去哪里看，汇总统计也才准确。', 'uniform channel names tell the public where to look and keep the statistics right.'),
    flags: [{ yaml: '    channels: [政府网占]' }, { yaml: '    channels: [行政服务中心]', note: m('别名，可自动修复', 'an alias, fixable') }],
    accepts: [{ yaml: '    channels: [政府网站, 政务服务中心]' }, { yaml: '# gk.yaml\nchannels: [示例县融媒体中心]', note: m('在 gk.yaml 中声明的本地渠道', 'a local channel declared in gk.yaml') }],
    fix: m('别名和错别字运行 gk fmt 改为标准名称；本地特有的渠道在 gk.yaml 的 channels 中声明。', 'gk fmt rewrites aliases and misspellings; declare local channels under channels in gk.yaml.'),
  },
  'unknown-domain': {
    kind: 'rule',
    summary: m('领域既不是 26 个试点领域，也没有在 `gk.yaml` 的 `domains` 中声明', 'the domain is neither one of the 26 pilot domains nor declared under `domains` in `gk.yaml`'),
    why: m('领域决定事项归入哪张国家标准表、网站上的哪一栏。', 'the domain decides which national table and which section of the site an item belongs to.'),
    flags: [{ yaml: 'domain: fiscal-budgets' }],
    accepts: [{ yaml: 'domain: fiscal-budget' }, { yaml: '# gk.yaml\ndomains:\n  general-affairs: 综合政务' }],
    fix: m('改成标准领域编号，或在 gk.yaml 的 domains 中声明本地领域。', 'use a standard domain id, or declare the local domain under domains in gk.yaml.'),
  },
  'unknown-standard-ref': {
    kind: 'rule',
    summary: m('`standard:` 或排除项引用的国家标准事项不存在，或属于其他领域（给出最接近的编号）', '`standard:` or an exclusion references a national item that does not exist or belongs to another domain (the nearest id is suggested)'),
    why: m('引用错了，事项就继承不到国家标准的要素，覆盖率也会算错。', 'a wrong reference inherits nothing from the standard and skews coverage.'),
    flags: [{ yaml: '    standard: fiscal-budget/99' }],
    accepts: [{ yaml: '    standard: fiscal-budget/1' }],
    fix: m('按提示改成存在的编号；编号可用 gk diff 或网站的国家标准页面查看。', 'use an existing id (the hint suggests one); gk diff lists the standard’s ids.'),
  },
  'vague-subject': {
    kind: 'rule',
    summary: m('公开主体是占位或笼统写法（相关部门、XX局、待定），未本地化的通用表述（县级人民政府民政部门），或与国家标准原文相同', 'the 公开主体 is a placeholder or vague (相关部门, XX局, 待定), generic wording not made local (县级人民政府民政部门), or copied from the standard'),
    why: m('公众要知道具体找哪个单位；“相关部门”谁也找不到。', 'the public must know which office to turn to; 相关部门 names nobody.'),
    flags: [{ yaml: '    subject: 相关部门' }, { yaml: '    subject: 县级人民政府民政部门' }],
    accepts: [{ yaml: '    subject: 示例县民政局' }],
    fix: m('写明本地具体单位的名称。', 'name the actual local office.'),
  },
  'diff/missing': {
    kind: 'diff',
    severity: 'error',
    summary: m('国家标准中的事项既没有被采用，也没有被排除', 'a national item is neither adopted nor excluded'),
    why: m('每个国家标准事项都要有交代：采用、调整，或说明理由排除。', 'every national item must be accounted for: adopted, adjusted, or excluded with a reason.'),
    flags: [{ yaml: 'domain: fiscal-budget\nitems: []', note: m('没有采用 fiscal-budget/1', 'fiscal-budget/1 is not adopted') }],
    accepts: [{ yaml: 'items:\n  - id: fiscal-budget-01\n    standard: fiscal-budget/1\n    subject: 示例县财政局' }],
    fix: m('加入引用该事项的条目，或在 exclusions 中排除并写明理由。', 'add an item referencing it, or exclude it under exclusions with a reason.'),
  },
  'diff/weakening': {
    kind: 'diff',
    severity: 'error',
    summary: m('事项比国家标准公开得更少（时限更长、主动改依申请、对象缩小、删去渠道或内容），且未声明理由', 'an item discloses less than the standard (longer deadline, active made on-request, narrower audience, channels or content dropped) without a declared reason'),
    why: m('标准目录是底线，削弱公开须有正当理由并写明。', 'the standard is a floor: disclosing less needs a stated reason.'),
    flags: [{ yaml: '    standard: fiscal-budget/1\n    mode: 依申请' }],
    accepts: [{ yaml: '    standard: fiscal-budget/1\n    mode: 主动' }],
    fix: m('恢复到不低于国家标准，或在 deviations 中声明 field 和 reason。', 'restore it to at least the standard, or declare field and reason in deviations.'),
  },
  'diff/unknown-ref': {
    kind: 'diff',
    severity: 'error',
    summary: m('比较时遇到国家标准中不存在的引用', 'the diff meets a reference to a national item that does not exist'),
    why: m('无法比较一个不存在的标准事项。', 'an item that does not exist in the standard cannot be compared.'),
    flags: [{ yaml: '    standard: fiscal-budget/99' }],
    accepts: [{ yaml: '    standard: fiscal-budget/1' }],
    fix: m('改成存在的编号（gk validate 的 unknown-standard-ref 会给出最接近的编号）。', 'use an existing id (gk validate’s unknown-standard-ref suggests the nearest).'),
  },
  'workspace/unknown-parent': {
    kind: 'workspace',
    severity: 'error',
    summary: m('`parent` 不是工作区中任何政府的代码，也不是工作区根的 `code`', '`parent` names no government of the workspace and is not the root’s `code`'),
    why: m('上下级衔接要靠 parent 找到上级目录。', 'links between levels find the catalog above through parent.'),
    flags: [{ yaml: '# 乡镇 gk.yaml\nparent: "410999"' }],
    accepts: [{ yaml: '# 乡镇 gk.yaml\nparent: "410000"', note: m('工作区中县的 code', 'the code of a county in the workspace') }],
    fix: m('写上级政府 gk.yaml 中的 code。', 'write the code from the parent government’s gk.yaml.'),
  },
  'workspace/duplicate-code': {
    kind: 'workspace',
    severity: 'error',
    summary: m('两个政府使用同一个行政区划代码', 'two governments share one code'),
    why: m('代码标识政府；重复会让上下级衔接和汇总对错对象。', 'the code identifies a government; a repeated code links and counts the wrong one.'),
    flags: [{ yaml: '# 甲镇和乙镇的 gk.yaml 都写\ncode: "410101001"' }],
    accepts: [{ yaml: '# 甲镇 code: "410101001"，乙镇 code: "410101002"' }],
    fix: m('改正其中一个的 code。', 'correct one of the codes.'),
  },
  'workspace/parent-cycle': {
    kind: 'workspace',
    severity: 'error',
    summary: m('`parent` 形成循环（甲的上级是乙，乙的上级是甲）', 'the `parent` links form a cycle (A’s parent is B, B’s parent is A)'),
    why: m('循环的上下级关系没有最上一级，无法比较。', 'a cycle has no top level to compare against.'),
    flags: [{ yaml: '# 甲：code: "1"，parent: "2"\n# 乙：code: "2"，parent: "1"' }],
    accepts: [{ yaml: '# 甲：code: "1"\n# 乙：code: "2"，parent: "1"' }],
    fix: m('改正 parent，使其指向真正的上级。', 'correct parent so it names the real level above.'),
  },
};

/** The pointer diagnostics carry in every output format. */
export function explainCommand(code: string): string {
  return `gk explain ${code}`;
}

export const SEE_EXPLAIN: Message = { zh: '规则说明：gk explain {code}', en: 'about this rule: gk explain {code}' };
