// The result shapes of comparing a catalog with the standard, and two versions of a catalog with each other.
import type { DataPath, ItemField, Level, ResolvedItem, StandardItem } from '../model/types.js';

export type StandardStatus = 'adopted' | 'adapted' | 'excluded' | 'missing';

/** A change of one element; `weakens` names why it reduces disclosure, when it does. */
export interface FieldChange {
  field: ItemField;
  before: unknown;
  after: unknown;
  weakens?: WeakeningKind;
  /** Declared in `deviations:` with this reason. */
  declared?: string;
}

export type WeakeningKind = 'longer-deadline' | 'mode-on-request' | 'audience-narrowed' | 'channel-removed' | 'content-dropped';

export interface StandardEntry {
  status: StandardStatus;
  standard: StandardItem;
  /** The local items carrying it (usually one). */
  items: ResolvedItem[];
  changes: FieldChange[];
  /** For excluded items. */
  reason?: string;
  /** file and data path of the local item or exclusion, for diagnostics */
  file?: string;
  path?: DataPath;
}

export interface DomainCoverage {
  domain: string;
  name: string;
  applicable: number;
  adopted: number;
  adapted: number;
  excluded: number;
  missing: number;
  local: number;
  unknown: number;
  /** (adopted + adapted + excluded) / applicable; 1 when nothing applies. */
  coverage: number;
  /** Undeclared weakening changes: errors. */
  weakening: number;
}

export interface StandardDiff {
  government: { name: string; code: string; level: Level };
  /**
   * Whether coverage is measured (model/levels.ts measuresCoverage): false for a village, whose diff lists what it
   * carries, excludes or adds but counts no applicable or missing items, and whose `coverage` figures mean nothing.
   */
  measured: boolean;
  edition: { id: string; partial: boolean; items: number; officialRows?: number };
  entries: StandardEntry[];
  /** Items with no `standard:` (local additions). */
  local: ResolvedItem[];
  /** Items whose `standard:` names no item of the edition. */
  unknown: ResolvedItem[];
  domains: DomainCoverage[];
  total: DomainCoverage;
}

export type ChangeClass = 'breaking' | 'notable' | 'info';

export interface ItemChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  id: string;
  /** Previous id when matched through `renamed_from`. */
  previousId?: string;
  domain: string;
  previousDomain?: string;
  class: ChangeClass;
  changes: Array<FieldChange & { class: ChangeClass }>;
  before?: ResolvedItem;
  after?: ResolvedItem;
}

export interface VersionDiff {
  from: string;
  to: string;
  changes: ItemChange[];
  counts: Record<ChangeClass, number> & { added: number; removed: number; changed: number; moved: number };
}

/** `VersionDiff.to` when the newer version is the working tree rather than a revision or a folder. */
export const WORKING_TREE = 'working-tree';

/** One government compared with its standard edition. */
export interface StandardResult {
  /** The government's folder as shown to the user. */
  government: string;
  diff: StandardDiff;
}

/** One government compared between two versions. */
export interface VersionResult {
  government: string;
  name: string;
  /** Domain id → name, from both versions. */
  domains: Record<string, string>;
  diff: VersionDiff;
}
