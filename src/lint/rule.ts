// What a lint rule is: an id, a default severity, bilingual messages, and a check over one government.
import type { Message, Params } from '../i18n.js';
import type { SourceFile, Government } from '../project.js';
import type { ChannelVocabulary } from '../standard/channels.js';
import type { DataPath, Edition, Lang, RelatedLocation, Severity } from '../types.js';
import type { RuleDocs } from './docs.js';

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
}

/** The governments around the one being checked, when it is checked as part of a workspace. */
export interface WorkspaceView {
  /** The government named by `parent:`, when the workspace holds it. */
  parentOf(government: Government): Government | undefined;
}

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

export interface Rule {
  meta: RuleMeta;
  messages: Record<string, Message>;
  check(context: RuleContext): void;
}

export type { RelatedLocation };
