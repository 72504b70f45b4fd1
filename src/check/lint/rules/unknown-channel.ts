// unknown-channel: 公开渠道和载体 must come from the vocabulary; aliases are fixable, typos get a did-you-mean.
import type { Government } from '../../../load/government.js';
import type { Rule } from '../rule.js';
import { matchChannel } from '../../../load/channels.js';

export const rule: Rule = {
  meta: {
    id: 'unknown-channel',
    severity: 'warning',
    fixable: true,
    description: { zh: '公开渠道和载体应使用标准名称', en: 'channels should use the standard names' },
  },
  messages: {
    unknown: { zh: '公开渠道“{value}”不在渠道词表中', en: 'channel "{value}" is not in the channel vocabulary' },
    didYouMean: { zh: '是否指“{suggestions}”？', en: 'did you mean "{suggestions}"?' },
    alias: { zh: '公开渠道“{value}”应写作标准名称“{name}”', en: 'channel "{value}" should be written with its standard name "{name}"' },
    addLocal: {
      zh: '若为本地渠道，可在 gk.yaml 的 channels 中声明',
      en: 'if this is a local channel, declare it under channels in gk.yaml',
    },
  },
  item({ file, item, path }, context) {
    if (!item.channels) return;
    const local = localChannelsOf(context.government);
    item.channels.forEach((value, j) => {
      if (local.has(value)) return;
      const match = matchChannel(context.channels, value);
      if (match.kind === 'alias') {
        context.report({ file, path: path('channels', j), messageId: 'alias', params: { value, name: match.name }, fixable: true });
      } else if (match.kind === 'unknown') {
        const [first] = match.suggestions;
        context.report({
          file,
          path: path('channels', j),
          messageId: 'unknown',
          params: { value },
          hintId: first ? 'didYouMean' : 'addLocal',
          hintParams: { suggestions: match.suggestions.join('”/“') },
          fixable: match.suggestions.length === 1,
        });
      }
    });
  },
};

/** Read once per government, not once per item. */
const localSets = new WeakMap<Government, ReadonlySet<string>>();

function localChannelsOf(government: Government): ReadonlySet<string> {
  let set = localSets.get(government);
  if (!set) localSets.set(government, (set = new Set(localChannels(government.manifestSource.data))));
  return set;
}

function localChannels(manifest: unknown): string[] {
  const list = (manifest as { channels?: unknown } | null)?.channels;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}
