// What a lint rule is: an id, a default severity, bilingual messages, and checks the linter calls per item, per file
// or once per government.
import type { Message, Params } from '../../model/i18n.js';
import type { Government } from '../../load/government.js';
import type { CatalogSource, SourceFile } from '../../load/source.js';
import type { ChannelVocabulary } from '../../load/channels.js';
import type { DataPath, Edition, ItemField, ItemSpec, Lang, RelatedLocation, Severity, StandardItem } from '../../model/types.js';
import type { RuleDocs } from './docs.js';
import type { WorkspaceView } from '../../load/workspace.js';
export type { WorkspaceView };

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: Message;
  /** Findings can be fixed by `gk fmt` / `gk validate --fix`. */
  fixable?: boolean;
  /** What `gk explain <id>` shows. gk's own rules keep theirs in lint/docs.ts, beside the stage checks; a local rule carries its own here. */
  docs?: RuleDocs;
}

export interface Report {
  file: SourceFile;
  path: DataPath;
  /** Point at the key instead of the value. */
  key?: boolean;
  /** Key into the rule's messages; the runner fills it with `params` in the chosen language. */
  messageId: string;
  params?: Params;
  hintId?: string;
  hintParams?: Params;
  related?: Array<{ file: SourceFile; path: DataPath; messageId: string; params?: Params }>;
  fixable?: boolean;
  /** The elements the item must supply, counted by element in the summary. */
  elements?: ItemField[];
}

/** The governments around the one being checked, when it is checked as part of a workspace. */
export interface RuleContext {
  lang: Lang;
  government: Government;
  /** undefined when gk.yaml names an edition that cannot be found (reported elsewhere) */
  edition: Edition | undefined;
  channels: ChannelVocabulary;
  /** Domain ids this government may use: the standard's and those declared in gk.yaml. */
  domains: Map<string, string>;
  /** Present when the government is checked within a workspace (parent-mismatch needs the level above). */
  workspace?: WorkspaceView;
  report(report: Report): void;
}

/** One item as the linter hands it to a rule: where it is, and the national item it carries. */
export interface ItemAt {
  file: CatalogSource;
  index: number;
  item: ItemSpec;
  /** The edition's item named by `standard:`, when there is one. */
  national: StandardItem | undefined;
  /** The data path of the item, or of something inside it: `at.path('deadline')` → ['items', i, 'deadline']. */
  path(...rest: Array<string | number>): DataPath;
}

/**
 * A rule says what it looks at: `item` is called for every item of every catalog file (in file order), `file` once per
 * catalog file before its items, `check` once per government for what spans files (duplicate ids). The linter owns
 * the loops, so a rule is only its judgement.
 */
export interface Rule {
  meta: RuleMeta;
  messages: Record<string, Message>;
  item?(at: ItemAt, context: RuleContext): void;
  file?(file: CatalogSource, context: RuleContext): void;
  check?(context: RuleContext): void;
}

export type { RelatedLocation };
