// code-length: a government's code has its level's length: a county the 6-digit division code, a township the
// 9-digit and a village the 12-digit statistical division code.
import { levelName as nameOf } from '../../../model/levels.js';
import type { Level } from '../../../model/types.js';
import type { Rule } from '../rule.js';

const DIGITS: Readonly<Record<Level, number>> = { county: 6, township: 9, village: 12 };
export const rule: Rule = {
  meta: {
    id: 'code-length',
    severity: 'error',
    description: {
      zh: 'gk.yaml 中代码的位数应与层级相符：县级 6 位、乡级 9 位、村级 12 位',
      en: 'the code in gk.yaml has its level’s length: county 6, township 9, village 12 digits',
    },
  },
  messages: {
    length: { zh: '{levelName}的代码应为 {want} 位数字，“{code}”是 {got} 位', en: 'a {levelName} code has {want} digits; "{code}" has {got}' },
    hint: {
      zh: '县级用 6 位行政区划代码，乡级用 9 位、村级用 12 位统计用区划代码；若代码无误，请检查 level',
      en: 'a county uses its 6-digit division code, a township the 9-digit and a village the 12-digit statistical code; if the code is right, check level',
    },
  },
  check(context) {
    const { manifest, manifestSource } = context.government;
    if (manifest.workspace) return;
    // a level that is missing or not one of the three is the schema's finding, not a length to compare with
    const written = (manifestSource.data as { level?: unknown } | null)?.level;
    if (written !== manifest.level) return;
    // anything but 6, 9 or 12 digits is the schema's finding too
    if (!/^\d{6}(?:\d{3}){0,2}$/.test(manifest.code)) return;
    const want = DIGITS[manifest.level];
    if (manifest.code.length === want) return;
    const levelName = nameOf(manifest.level, context.lang);
    context.report({ file: manifestSource, path: ['code'], messageId: 'length', params: { levelName, want, code: manifest.code, got: manifest.code.length }, hintId: 'hint' });
  },
};
