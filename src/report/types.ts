// The shapes of a workspace report: what is collected per government, and the ranked, dated report every format renders.
import type { DomainCoverage } from '../diff/types.js';
import type { Lang, Level } from '../model/types.js';
import type { SiteTemplates } from '../publish/templates.js';

/** Dates from git: when the government's gk.yaml and catalog were first committed, and last changed. */
export interface GovernmentDates {
  /** first commit of gk.yaml */
  listed?: string;
  /** first commit of any catalog file */
  published?: string;
  /** last commit touching gk.yaml or a catalog file */
  lastChanged?: string;
}

export interface MissingItem {
  standard: string;
  domain: string;
  name: string;
}

/** What one government contributes to the report, collected while it is loaded and dropped afterwards. */
export interface GovernmentFacts {
  code: string;
  name: string;
  level: Level;
  parent?: string;
  /** folder relative to the workspace, forward slashes ('.' for the workspace itself) */
  folder: string;
  items: number;
  /** items that carry an item of the level above (`parent-item:`) */
  fromParent: number;
  errors: number;
  warnings: number;
  /** parent-mismatch findings */
  mismatches: number;
  /** undefined for villages (the national standard has no village rows to cover) and without an edition */
  coverage?: { domains: DomainCoverage[]; total: DomainCoverage; missing: MissingItem[] };
  dates: GovernmentDates;
}

export interface WorkspaceFacts {
  name?: string;
  code?: string;
  city?: string;
  departments: Record<string, string>;
  milestones: Record<string, string>;
  editions: EditionInfo[];
  /** domain id → name, in edition order */
  domainNames: Array<{ id: string; name: string }>;
  governments: GovernmentFacts[];
  /** whether the workspace is in a git repository with history (dates are known) */
  tracked: boolean;
}

export interface EditionInfo {
  id: string;
  title: string;
  partial: boolean;
  items: number;
  officialRows?: number;
}

export type MilestoneStatus = 'met' | 'late' | 'missed' | 'pending' | 'unknown';

export interface MilestoneResult {
  id: string;
  date: string;
  status: MilestoneStatus;
  /** the date the milestone was reached, when known */
  on?: string;
}

export interface ScoreParts {
  coverage: number;
  errorFree: number;
  warnings: number;
  milestones: number;
}

export interface DomainCell {
  domain: string;
  applicable: number;
  covered: number;
  missing: number;
  /** 0..1, four decimals; 1 when nothing applies */
  coverage: number;
}

export interface GovernmentRow {
  code: string;
  name: string;
  level: Level;
  parent?: string;
  parentName?: string;
  folder: string;
  /** Counties and townships are ranked within their level; villages are listed. */
  rank?: number;
  score?: number;
  parts?: ScoreParts;
  items: number;
  fromParent: number;
  applicable: number;
  covered: number;
  missing: number;
  /** 0..1, four decimals */
  coverage: number;
  weakening: number;
  errors: number;
  warnings: number;
  mismatches: number;
  lastChanged?: string;
  domains: DomainCell[];
  missingItems: MissingItem[];
  milestones: MilestoneResult[];
}

export interface LaggingDomain {
  domain: string;
  name: string;
  /** 责任单位 from the workspace `departments:` */
  department?: string;
  applicable: number;
  covered: number;
  coverage: number;
  /** ranked governments below 100 % in this domain, lowest first */
  governments: Array<{ code: string; name: string; coverage: number; missing: number }>;
}

export interface MilestoneSummary {
  id: string;
  date: string;
  counts: Record<MilestoneStatus, number>;
}

export interface ScoreWeights {
  coverage: number;
  errorFree: number;
  warnings: number;
  milestones: number;
}

export type Verdict = 'improved' | 'regressed' | 'mixed' | 'unchanged';

export type MetricName = 'coverage' | 'errors' | 'warnings' | 'mismatches' | 'domain';

export interface MetricChange {
  metric: MetricName;
  domain?: string;
  before: number;
  after: number;
}

export interface Snapshot {
  rank?: number;
  score?: number;
  coverage: number;
  missing: number;
  errors: number;
  warnings: number;
}

export interface GovernmentChange {
  code: string;
  name: string;
  level: Level;
  status: 'added' | 'removed' | 'present';
  verdict: Verdict;
  before?: Snapshot;
  after?: Snapshot;
  improved: MetricChange[];
  regressed: MetricChange[];
  /** national items missing before and covered now */
  covered: string[];
  /** national items covered before and missing now */
  uncovered: string[];
}

export interface ReportComparison {
  since: string;
  sinceDate: string;
  counts: Record<Verdict | 'added' | 'removed', number>;
  governments: GovernmentChange[];
}

export interface WorkspaceReport {
  schemaVersion: 1;
  date: string;
  name?: string;
  code?: string;
  city?: string;
  editions: EditionInfo[];
  weights: ScoreWeights;
  domains: Array<{ id: string; name: string; department?: string }>;
  totals: { governments: number; county: number; township: number; village: number; coverage: number; errors: number; warnings: number };
  /** counties by rank, then townships by rank, then villages by code */
  governments: GovernmentRow[];
  lagging: LaggingDomain[];
  milestones: MilestoneSummary[];
  comparison?: ReportComparison;
}

export interface RenderOptions {
  lang: Lang;
  /** partial-edition notices, already in `lang` */
  notices: string[];
  /** The compiled templates (gk report --templates); the bundled ones when not given. */
  templates?: SiteTemplates;
}
