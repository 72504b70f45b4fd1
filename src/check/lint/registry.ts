// Every lint rule, in alphabetical order of id. A rule's file name is its id.
import type { Rule } from './rule.js';
import { rule as codeLength } from './rules/code-length.js';
import { rule as deadlineFormat } from './rules/deadline-format.js';
import { rule as duplicateId } from './rules/duplicate-id.js';
import { rule as exclusionReason } from './rules/exclusion-reason.js';
import { rule as lawTitle } from './rules/law-title.js';
import { rule as levelMismatch } from './rules/level-mismatch.js';
import { rule as missingElement } from './rules/missing-element.js';
import { rule as parentMismatch } from './rules/parent-mismatch.js';
import { rule as straySpace } from './rules/stray-space.js';
import { rule as unknownChannel } from './rules/unknown-channel.js';
import { rule as unknownDomain } from './rules/unknown-domain.js';
import { rule as unknownStandardRef } from './rules/unknown-standard-ref.js';
import { rule as vagueSubject } from './rules/vague-subject.js';

export const rules: readonly Rule[] = [
  codeLength,
  deadlineFormat,
  duplicateId,
  exclusionReason,
  lawTitle,
  levelMismatch,
  missingElement,
  parentMismatch,
  straySpace,
  unknownChannel,
  unknownDomain,
  unknownStandardRef,
  vagueSubject,
];
