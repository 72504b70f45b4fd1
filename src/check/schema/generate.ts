// JSON Schemas for catalog files and gk.yaml, generated from the standard data so editors offer its vocabulary.
import type { ChannelVocabulary } from '../../load/channels.js';
import { LEVEL_MARKS } from '../../model/levels.js';
import { AUDIENCES, MODES, PUBLICS } from '../../model/values.js';
import { DOMAIN_IDS, DOMAIN_NAMES, ITEM_FIELDS, type Edition } from '../../model/types.js';

type Schema = Record<string, unknown>;

export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
/**
 * The one shape of a domain id, everywhere: catalog files' `domain:`, the keys of gk.yaml `domains`, `gk import --domain`.
 * Lowercase ASCII words joined by single hyphens, so an id is always a safe file name (`<id>.yaml`, `<id>.html`).
 */
export const DOMAIN_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
const DOMAIN_RE = new RegExp(DOMAIN_PATTERN);
const MAX_DOMAIN_ID = 64;

export function isDomainId(value: string): boolean {
  return value.length <= MAX_DOMAIN_ID && DOMAIN_RE.test(value);
}
export const CODE_PATTERN = '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$';

function text(title: string, description: string, extra: Schema = {}): Schema {
  return { type: 'string', minLength: 1, title, description, ...extra };
}

/** A value that may be written as one scalar or as a list (`audience: 全社会` or `audience: [全社会, 特定群体]`). */
function oneOrMany(title: string, description: string, values: readonly string[]): Schema {
  return {
    title,
    description,
    anyOf: [
      { type: 'string', enum: [...values] },
      { type: 'array', items: { type: 'string', enum: [...values] }, minItems: 1, uniqueItems: true },
    ],
  };
}

function stringList(title: string, description: string, item: Schema = { type: 'string', minLength: 1 }): Schema {
  return { title, description, anyOf: [item, { type: 'array', items: item, minItems: 1 }] };
}

export function buildCatalogSchema(edition: Edition, channels: ChannelVocabulary): Schema {
  const standardIds = [...edition.items.keys()].sort();
  const channelNames = channels.entries.map((e) => e.name);
  const domainDescriptions = DOMAIN_IDS.map((id) => `${id}：${DOMAIN_NAMES[id]}`).join('；');
  const channel: Schema = {
    type: 'string',
    minLength: 1,
    title: '公开渠道和载体',
    description: `标准名称：${channelNames.join('、')}。其他写法由 gk validate 检查（unknown-channel）。`,
    examples: channelNames,
  };
  const item: Schema = {
    type: 'object',
    title: '公开事项',
    description: '一条公开事项。引用国家标准事项（standard）时，未写的要素从标准继承，公开主体须本地填写。',
    required: ['id'],
    additionalProperties: false,
    properties: {
      id: text('事项编号', '目录内唯一、跨版本稳定的编号，如 fiscal-budget-01。只用字母、数字、点、下划线和连字符。', { pattern: ID_PATTERN }),
      standard: {
        type: 'string',
        title: '对应国家标准事项',
        description: `本事项实施的国家标准事项编号（${edition.id}），格式为 领域/序号，如 fiscal-budget/1。`,
        examples: standardIds,
      },
      'parent-item': text('对应上级事项', '村（社区）目录中对应的乡镇（街道）事项编号；未写的要素从上级事项继承。'),
      renamed_from: stringList('曾用编号', '本事项改名前的编号，用于版本比较时匹配。', { type: 'string', pattern: ID_PATTERN }),
      category: text('一级事项', '公开事项的一级分类，如“财政预算”。'),
      name: text('二级事项', '公开事项名称，如“政府预算”。'),
      content: text('公开内容（要素）', '公开的具体内容和要素。'),
      basis: stringList('公开依据', '公开依据的法律法规和文件，每个文件一项，如《中华人民共和国预算法》。'),
      deadline: text('公开时限', '如“信息形成或变更之日起20个工作日内”“批准后20日内”“实时公开”。'),
      subject: text('公开主体', '负责公开的本地单位全称，如“示例县财政局”。不得使用“相关部门”等笼统写法。'),
      channels: { title: '公开渠道和载体', description: '公开的渠道和载体，每个渠道一项。', anyOf: [channel, { type: 'array', items: channel, minItems: 1 }] },
      audience: oneOrMany('公开对象', '全社会 或 特定群体。', AUDIENCES),
      mode: oneOrMany('公开方式', '主动 或 依申请。', MODES),
      levels: oneOrMany('公开层级', '县级、乡级（村级用于村、社区目录）。', LEVEL_MARKS),
      publics: oneOrMany('五公开分类', '决策公开、执行公开、管理公开、服务公开、结果公开。', PUBLICS),
      deviations: {
        type: 'array',
        title: '声明的差异',
        description: '与国家标准（或上级事项）不一致之处及理由；声明后 gk diff 不再作为错误。',
        items: {
          type: 'object',
          required: ['field', 'reason'],
          additionalProperties: false,
          properties: {
            field: { type: 'string', enum: [...ITEM_FIELDS], title: '要素', description: '与标准不一致的要素。' },
            reason: text('理由', '为何与标准不一致。'),
          },
        },
      },
      note: text('备注', '说明。'),
    },
    if: { not: { anyOf: [{ required: ['standard'] }, { required: ['parent-item'] }] } },
    then: { required: ['id', 'name', 'content', 'basis', 'deadline', 'subject', 'channels', 'audience', 'mode', 'levels'] },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'gk:catalog.schema.json',
    title: '基层政务公开标准目录：领域目录文件',
    description: `由 gk schema 根据标准目录 ${edition.id} 生成，请勿手工编辑。`,
    type: 'object',
    required: ['domain', 'items'],
    additionalProperties: false,
    properties: {
      domain: {
        type: 'string',
        title: '领域',
        description: `26 个试点领域之一（${domainDescriptions}），或在 gk.yaml 的 domains 中声明的本地领域。`,
        pattern: DOMAIN_PATTERN,
        maxLength: MAX_DOMAIN_ID,
        examples: [...DOMAIN_IDS],
      },
      items: { type: 'array', title: '公开事项', description: '本领域的公开事项。', items: { $ref: '#/definitions/item' } },
      exclusions: {
        type: 'array',
        title: '不适用的国家标准事项',
        description: '本级政府不承担的国家标准事项，每项须说明理由。',
        items: {
          type: 'object',
          required: ['standard'],
          additionalProperties: false,
          properties: {
            standard: { type: 'string', title: '国家标准事项', description: '不适用的国家标准事项编号。', examples: standardIds },
            reason: { type: 'string', title: '理由', description: '不适用的理由，如“本县无此项业务”。' },
          },
        },
      },
    },
    definitions: { item },
  };
}

export function buildManifestSchema(editionIds: string[]): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'gk:gk.schema.json',
    title: 'gk.yaml：政府目录清单',
    description: '一个政府（县、乡镇、村）目录仓库的清单文件。由 gk schema 生成，请勿手工编辑。',
    type: 'object',
    additionalProperties: false,
    properties: {
      name: text('政府名称', '如“示例县人民政府”。'),
      code: { type: 'string', title: '行政区划代码', description: '6 位（县）、9 位（乡镇）或 12 位（村）数字，加引号书写。', pattern: CODE_PATTERN },
      level: { type: 'string', enum: ['county', 'township', 'village'], title: '层级', description: 'county（县级）、township（乡级）或 village（村级）。' },
      standard: { type: 'string', title: '标准目录版本', description: `随 gk 提供的版本（${editionIds.join('、')}），或指向标准目录文件夹的相对路径。`, examples: editionIds },
      parent: { type: 'string', title: '上级政府', description: '上级政府的行政区划代码。', pattern: CODE_PATTERN },
      domains: {
        type: 'object',
        title: '本地领域',
        description: '26 个试点领域之外本目录使用的领域：领域编号 → 中文名称，如 general-affairs: 综合政务。',
        propertyNames: { pattern: DOMAIN_PATTERN, maxLength: MAX_DOMAIN_ID },
        additionalProperties: { type: 'string', minLength: 1 },
      },
      channels: { type: 'array', title: '本地渠道', description: '词表之外本地使用的公开渠道和载体。', items: { type: 'string', minLength: 1 } },
      rules: {
        type: 'object',
        title: '规则设置',
        description: '调整规则级别：error、warning 或 off。',
        additionalProperties: { type: 'string', enum: ['error', 'warning', 'off'] },
      },
      'local-rules': {
        type: 'array',
        title: '本地规则',
        description: '本政府（工作区根目录中则为其下所有政府）自己的检查规则：.js 或 .mjs 模块的相对路径，必须在本文件夹之内，形如 gk 的规则（meta、messages、item/file/check）。',
        items: { type: 'string', minLength: 1 },
      },
      site: {
        type: 'object',
        title: '公开网站',
        description: 'gk build 生成的公开网站的设置。',
        additionalProperties: false,
        properties: {
          coverage: {
            type: 'boolean',
            title: '显示覆盖率',
            description: '为 true 时，网站首页和领域页显示国家标准事项覆盖率；默认不显示（覆盖率是管理指标，见 gk report）。村级目录不计算覆盖率。',
            default: false,
          },
        },
      },
      workspace: { type: 'boolean', title: '工作区', description: '为 true 时，此清单是包含多个政府的工作区根目录。' },
      city: text('市级名称', '工作区所属的市，如“示例市人民政府”。'),
      departments: {
        type: 'object',
        title: '责任单位',
        description: '各领域的市级责任单位：领域编号 → 单位名称。',
        additionalProperties: { type: 'string', minLength: 1 },
      },
      milestones: {
        type: 'object',
        title: '时间节点',
        description: '如 list: 2020-07-31（清单）、published: 2020-12-31（标准目录公布）、complete: 2023-12-31（全面完成）。',
        additionalProperties: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      },
    },
    if: { not: { properties: { workspace: { const: true } }, required: ['workspace'] } },
    then: { required: ['name', 'code', 'level'] },
  };
}

/** Stable JSON text for committed schema files. */
export function stringifySchema(schema: Schema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
