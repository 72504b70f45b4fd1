// Cells that are not values: a mask an aggregator put over a name (******局, 征地信息公**台) or a placeholder mark
// (─, —, /, 无). Such a cell is unknown; it never becomes a value of an edition, an imported catalog or a page.

/** A whole cell that only marks “nothing here”. 待定/待填写 are not here: in a catalog they are a to-do, reported by vague-subject. */
const PLACEHOLDER = /^(?:[-‐‑–—―─━_/\\~～.。…·•*＊×?？]+|无|暂无|略|空|空白|不详|N\/?A|null|none)$/i;
/** Two or more asterisks inside a text: characters hidden by the page it was copied from. One `*` is a footnote mark (〔*征地工作流程图〕). */
const MASK = /[*＊]{2,}/;

export type Unusable = 'placeholder' | 'masked';

/** Why a cell's text cannot be a value, or undefined when it can (an empty text is simply absent). */
export function unusableValue(text: string): Unusable | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (PLACEHOLDER.test(t)) return 'placeholder';
  if (MASK.test(t)) return 'masked';
  return undefined;
}
