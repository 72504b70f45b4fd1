// The nouns every stage shares: diagnostics, catalogs as written, standard editions, resolved catalogs.

export type Lang = 'zh' | 'en';
export type Severity = 'error' | 'warning';

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** `end` is exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** A path into parsed data: keys and indexes, e.g. ["items", 3, "channels", 1]. */
export type DataPath = ReadonlyArray<string | number>;

export interface RelatedLocation {
  file: string;
  path?: DataPath;
  range?: Range;
  message: string;
}

/**
 * One problem, from the first byte read to the last line printed.
 * `code` is a rule id (`unknown-channel`) or a stage name (`yaml-syntax`, `schema`).
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  path: DataPath;
  range: Range;
  hint?: string;
  related?: RelatedLocation[];
  /** Set when a fix can be applied by `gk fmt` / `validate --fix`. */
  fixable?: boolean;
  /** The elements an item must supply (missing-element), so the summary can count them by element. */
  elements?: ItemField[];
}

export type Level = 'county' | 'township' | 'village';
/** 公开层级 as written in the tables. */
export type LevelMark = '县级' | '乡级' | '村级';
export type Audience = '全社会' | '特定群体';
export type Mode = '主动' | '依申请';
export type PublicsClass = '决策公开' | '执行公开' | '管理公开' | '服务公开' | '结果公开';

export const DOMAIN_IDS = [
  'urban-rural-planning',
  'land-expropriation',
  'major-construction-projects',
  'public-resource-trading',
  'fiscal-budget',
  'work-safety',
  'disaster-relief',
  'tax-administration',
  'housing-expropriation',
  'affordable-housing',
  'rural-dilapidated-housing',
  'urban-law-enforcement',
  'municipal-services',
  'environmental-protection',
  'public-culture',
  'public-legal-services',
  'poverty-alleviation',
  'social-assistance',
  'elderly-care',
  'food-drug-regulation',
  'employment',
  'social-insurance',
  'household-registration',
  'agricultural-subsidies',
  'compulsory-education',
  'health-care',
] as const;
export type StandardDomainId = (typeof DOMAIN_IDS)[number];

export const DOMAIN_NAMES: Record<StandardDomainId, string> = {
  'urban-rural-planning': '城乡规划',
  'land-expropriation': '征地补偿',
  'major-construction-projects': '重大建设项目',
  'public-resource-trading': '公共资源交易',
  'fiscal-budget': '财政预决算',
  'work-safety': '安全生产',
  'disaster-relief': '救灾',
  'tax-administration': '税收管理',
  'housing-expropriation': '国有土地上房屋征收',
  'affordable-housing': '保障性住房',
  'rural-dilapidated-housing': '农村危房改造',
  'urban-law-enforcement': '城市综合执法',
  'municipal-services': '市政服务',
  'environmental-protection': '环境保护',
  'public-culture': '公共文化服务',
  'public-legal-services': '公共法律服务',
  'poverty-alleviation': '扶贫',
  'social-assistance': '社会救助',
  'elderly-care': '养老服务',
  'food-drug-regulation': '食品药品监管',
  employment: '就业',
  'social-insurance': '社会保险',
  'household-registration': '户籍管理',
  'agricultural-subsidies': '涉农补贴',
  'compulsory-education': '义务教育',
  'health-care': '医疗卫生',
};

/** The elements of a catalog item that carry disclosure content (inheritable from the standard). */
export const ITEM_FIELDS = [
  'category',
  'name',
  'content',
  'basis',
  'deadline',
  'subject',
  'channels',
  'audience',
  'mode',
  'levels',
  'publics',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** A catalog item as written in a YAML file, after shape normalisation (scalars → lists where lists are allowed). */
export interface ItemSpec {
  id: string;
  standard?: string;
  /** A village/community item carrying a township item (`parent-item:`). */
  parentItem?: string;
  renamedFrom?: string[];
  category?: string;
  name?: string;
  content?: string;
  basis?: string[];
  deadline?: string;
  subject?: string;
  channels?: string[];
  audience?: Audience[];
  mode?: Mode[];
  levels?: LevelMark[];
  publics?: PublicsClass[];
  /** Declared, reasoned differences (from the standard or from the parent). */
  deviations?: Deviation[];
  note?: string;
  /** Standard editions only. */
  seq?: string;
  source?: string;
  levelsAsWritten?: string;
}

export interface Deviation {
  field: ItemField;
  reason: string;
}

export interface Exclusion {
  standard: string;
  reason?: string;
}

/** One parsed catalog file (`catalog/<domain>.yaml`) or standard-edition domain file. */
export interface CatalogFile {
  file: string;
  domain: string;
  items: ItemSpec[];
  exclusions: Exclusion[];
  /** Index i of items ↔ data path ["items", i]; kept for diagnostics. */
}

export interface Manifest {
  file: string;
  name: string;
  code: string;
  level: Level;
  standard: string;
  parent?: string;
  workspace?: boolean;
  domains: Record<string, string>;
  rules: Record<string, Severity | 'off'>;
  /** Workspace root extras. */
  departments?: Record<string, string>;
  milestones?: Record<string, string>;
  city?: string;
  /** How the published site shows this government: `site.coverage: true` puts coverage on the public pages. */
  site?: { coverage?: boolean };
}

export interface EditionDomain {
  id: string;
  name: string;
  issuer?: string;
  documents: string[];
  rows: number;
  officialRows?: number;
  partial: boolean;
  sources: string[];
  gaps?: string;
}

export interface Edition {
  id: string;
  title: string;
  note?: string;
  dir: string;
  partial: boolean;
  rows: number;
  officialRows?: number;
  domains: EditionDomain[];
  /** Standard items by id (`fiscal-budget/1`). */
  items: Map<string, StandardItem>;
}

export interface StandardItem extends ItemSpec {
  domain: string;
  file: string;
  index: number;
}

/** Where a resolved value came from. */
export type Origin =
  | { kind: 'standard'; id: string; file: string; path: DataPath }
  | { kind: 'local'; file: string; path: DataPath; range?: Range };

export interface ResolvedValue<T> {
  value: T;
  origin: Origin;
}

export type ResolvedFields = {
  [K in ItemField]?: ResolvedValue<NonNullable<ItemSpec[K]>>;
};

export interface ResolvedItem {
  id: string;
  domain: string;
  standard?: string;
  parentItem?: string;
  file: string;
  index: number;
  fields: ResolvedFields;
  deviations: Deviation[];
  renamedFrom: string[];
  note?: string;
}

export interface ResolvedCatalog {
  manifest: Manifest;
  edition: Edition;
  items: ResolvedItem[];
  exclusions: Array<Exclusion & { domain: string; file: string; index: number }>;
  domains: Array<{ id: string; name: string; standard: boolean }>;
}
