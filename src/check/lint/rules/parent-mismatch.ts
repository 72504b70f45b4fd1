// parent-mismatch: an item shared with the government above (same national item, or `parent-item:`) says the same, word for word.
import type { Government } from '../../../load/government.js';
import type { CatalogSource } from '../../../load/source.js';
import { present } from '../../../load/catalog.js';
import type { DataPath, Edition, ItemField, ItemSpec } from '../../../model/types.js';
import type { Rule } from '../rule.js';
import { ELEMENT_NAMES } from '../../../model/elements.js';

/** The elements a lower level must copy from the level above (国办发〔2019〕54号: 上下级目录衔接一致). */
export const SHARED_ELEMENTS: readonly ItemField[] = ['content', 'basis', 'deadline', 'mode', 'audience'];
/** Villages and communities copy the township's item names as well. */
export const VILLAGE_SHARED_ELEMENTS: readonly ItemField[] = ['category', 'name', ...SHARED_ELEMENTS];

interface Located {
  file: CatalogSource;
  index: number;
  item: ItemSpec;
}

interface Effective {
  /** Comparable form: trimmed text, or the sorted set of trimmed texts. */
  key: string;
  value: string | string[];
  /** Where the value is written: the element itself, or the reference it is inherited through. */
  path: DataPath;
}

const MAX_SHOWN = 40;

function shorten(s: string): string {
  const chars = [...s];
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : s;
}

/**
 * The value an item shows for an element: its own, else the national item's. Lists compare as sets, since the
 * order of documents or channels is not a difference of wording; text compares exactly, apart from outer spaces.
 */
function effective(item: ItemSpec, index: number, field: ItemField, edition: Edition | undefined): Effective | undefined {
  let value: ItemSpec[ItemField] = item[field];
  let path: DataPath = ['items', index, field];
  if (!present(value)) {
    const national = item.standard !== undefined ? edition?.items.get(item.standard) : undefined;
    value = national?.[field];
    path = ['items', index, 'standard'];
    if (!present(value)) return undefined;
  }
  if (Array.isArray(value)) {
    const list = value.length === 1 ? [value[0]!.trim()] : [...new Set(value.map((v) => v.trim()))].sort();
    return { key: list.join('\u0000'), value, path };
  }
  return { key: (value as string).trim(), value: value as string, path };
}

function shown(e: Effective): string {
  return shorten(Array.isArray(e.value) ? e.value.join('、') : e.value.trim());
}

interface ItemIndex {
  byId: Map<string, Located>;
  byStandard: Map<string, Located>;
}

/** A township's items are looked up once for all its villages, not once per village. */
const indexes = new WeakMap<Government, ItemIndex>();

function indexItems(government: Government): ItemIndex {
  const cached = indexes.get(government);
  if (cached) return cached;
  const byId = new Map<string, Located>();
  const byStandard = new Map<string, Located>();
  for (const file of government.catalogs) {
    file.catalog.items.forEach((item, index) => {
      const at = { file, index, item };
      if (item.id !== '' && !byId.has(item.id)) byId.set(item.id, at);
      if (item.standard !== undefined && !byStandard.has(item.standard)) byStandard.set(item.standard, at);
    });
  }
  const index = { byId, byStandard };
  indexes.set(government, index);
  return index;
}

export const rule: Rule = {
  meta: {
    id: 'parent-mismatch',
    severity: 'error',
    description: {
      zh: '与上级政府共有的事项，其公开内容、依据、时限、方式、对象须与上级逐字一致（村级还包括事项名称），差异须在 deviations 中声明',
      en: 'items shared with the government above must match its content, basis, deadline, mode and audience word for word (villages: names too) unless declared in deviations',
    },
  },
  messages: {
    mismatch: {
      zh: '事项“{id}”的{element}与上级{parent}的事项“{parentId}”不一致：本级为“{mine}”，上级为“{theirs}”',
      en: 'item "{id}": {element} differs from item "{parentId}" of {parent}: here "{mine}", above "{theirs}"',
    },
    hint: {
      zh: '与上级共有的事项须逐字一致；如确有差异，在该事项的 deviations 中声明 field: {field} 及 reason',
      en: 'items shared with the level above must match word for word; if the difference is intended, declare it in deviations with field: {field} and a reason',
    },
    parentValue: { zh: '上级事项“{parentId}”的{element}', en: '{element} of item "{parentId}" above' },
    unknownParentItem: {
      zh: '事项“{id}”的 parent-item“{ref}”不是上级{parent}目录中的事项编号',
      en: 'item "{id}": parent-item "{ref}" is not an item id in the catalog of {parent}',
    },
    unknownParentItemHint: { zh: '请核对上级目录中的事项编号（id）', en: 'check the item ids in the catalog above' },
  },
  item({ file, item, index, path }, context) {
    const parent = context.workspace?.parentOf(context.government);
    if (!parent) return;
    const { byId, byStandard } = indexItems(parent);
    const parentName = parent.manifest.name !== '' ? parent.manifest.name : parent.display;
    let counterpart: Located | undefined;
    if (item.parentItem !== undefined) {
      counterpart = byId.get(item.parentItem);
      if (!counterpart) {
        // A parent file that did not parse has no items to name; saying every reference is unknown would mislead.
        if (parent.catalogs.every((f) => f.data !== undefined)) {
          context.report({
            file,
            path: path('parent-item'),
            messageId: 'unknownParentItem',
            params: { id: item.id, ref: item.parentItem, parent: parentName },
            hintId: 'unknownParentItemHint',
          });
        }
        return;
      }
    } else if (item.standard !== undefined) {
      counterpart = byStandard.get(item.standard);
    }
    if (!counterpart) return;
    const other = counterpart.item;
    const fields = context.government.manifest.level === 'village' ? VILLAGE_SHARED_ELEMENTS : SHARED_ELEMENTS;
    // The usual case: both carry the same national item and write none of the shared elements themselves.
    if (item.standard !== undefined && item.standard === other.standard && fields.every((f) => !present(item[f]) && !present(other[f]))) return;
    const declared = new Set((item.deviations ?? []).map((d) => d.field));
    for (const field of fields) {
      if (declared.has(field)) continue;
      // A village item that leaves an element out takes the township's: only what it writes can differ.
      if (item.parentItem !== undefined && !present(item[field])) continue;
      const mine = effective(item, index, field, context.edition);
      const theirs = effective(counterpart.item, counterpart.index, field, context.edition);
      if (!mine || !theirs || mine.key === theirs.key) continue;
      const element = ELEMENT_NAMES[field][context.lang];
      context.report({
        file,
        path: mine.path,
        messageId: 'mismatch',
        params: { id: item.id, element, parent: parentName, parentId: counterpart.item.id, mine: shown(mine), theirs: shown(theirs) },
        hintId: 'hint',
        hintParams: { field },
        related: [{ file: counterpart.file, path: theirs.path, messageId: 'parentValue', params: { parentId: counterpart.item.id, element } }],
      });
    }
  },
};
