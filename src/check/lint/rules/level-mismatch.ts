// level-mismatch: a catalog carries only items whose 公开层级 includes its own level (县级 for a county, 乡级 for a township).
import { levelMark, levelName as nameOf } from '../../../model/levels.js';
import type { Rule } from '../rule.js';
import type { LevelMark } from '../../../model/types.js';

export const rule: Rule = {
  meta: { id: 'level-mismatch', severity: 'warning', description: { zh: '事项的公开层级应包含本级政府', en: "an item's 公开层级 should include the government's own level" } },
  messages: {
    local: { zh: '{levelName}目录中的事项“{name}”公开层级为 {levels}，不含{mark}', en: 'item "{name}" in a {levelName} catalog has 公开层级 {levels}, which excludes {mark}' },
    inherited: {
      zh: '{levelName}目录引用的国家标准事项“{ref}”公开层级为 {levels}，不含{mark}',
      en: 'national item "{ref}" carried by a {levelName} catalog has 公开层级 {levels}, which excludes {mark}',
    },
    hint: { zh: '如确需由本级公开，请在 levels 中写明{mark}，或将其列入 exclusions', en: 'if this level really discloses it, list {mark} in levels, or move it to exclusions' },
  },
  item({ file, item, national, path }, context) {
    const level = context.government.manifest.level;
    const mark = levelMark(level);
    const accepted: LevelMark[] = level === 'village' ? [mark, levelMark('township')] : [mark];
    const levels = item.levels ?? national?.levels;
    if (!levels || levels.length === 0 || levels.some((l) => accepted.includes(l))) return;
    const levelName = nameOf(level, context.lang);
    const shown = levels.join('、');
    if (item.levels) {
      context.report({ file, path: path('levels'), messageId: 'local', params: { name: item.name ?? national?.name ?? item.id, levels: shown, mark, levelName }, hintId: 'hint', hintParams: { mark } });
    } else {
      context.report({ file, path: path('standard'), messageId: 'inherited', params: { ref: item.standard, levels: shown, mark, levelName }, hintId: 'hint', hintParams: { mark } });
    }
  },
};
