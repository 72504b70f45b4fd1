import { describe, expect, it } from 'vitest';
import { classifyChange, compareField, splitContent, findDroppedElements, reaches, findRemovedChannels, isSameValue, detectWeakening, pickWorseClass } from '../../src/diff/compare.js';
import { loadChannelVocabulary } from '../../src/load/channels.js';

const vocab = loadChannelVocabulary();

describe('isSameValue', () => {
  it('treats lists as sets and folds width and spacing', () => {
    expect(isSameValue('basis', ['《预算法》', '《条例》'], ['《条例》', ' 《预算法》'], vocab)).toBe(true);
    expect(isSameValue('name', '城市、镇（总体）规划', '城市、镇(总体)规划', vocab)).toBe(true);
    expect(isSameValue('basis', ['《预算法》'], ['《中华人民共和国预算法》'], vocab)).toBe(false);
  });

  it('reads a channel alias as the same channel', () => {
    expect(isSameValue('channels', ['政府网站', '公开栏'], ['政府门户网站', '社区/企事业单位/村公示栏（电子屏）'], vocab)).toBe(true);
    expect(isSameValue('channels', ['政府网站'], ['政府公报'], vocab)).toBe(false);
  });

  it('reads deadlines of the same canonical form as the same', () => {
    expect(isSameValue('deadline', '自信息形成或者变更之日起20个工作日内', '信息形成或变更之日起20个工作日内', vocab)).toBe(true);
    expect(isSameValue('deadline', '信息形成或变更之日起20个工作日内', '信息形成或变更之日起15个工作日内', vocab)).toBe(false);
  });

  it('keeps 信息形成 apart from 信息形成或者变更: the second also binds the body to publish changes', () => {
    // rural-dilapidated-housing/1 of the bundled standard, and the 条例's own wording
    expect(isSameValue('deadline', '信息形成之日起20个工作日内', '自信息形成或者变更之日起20个工作日内', vocab)).toBe(false);
    expect(isSameValue('deadline', '信息形成之日起20个工作日内', '信息形成后20个工作日内公开', vocab)).toBe(true);
    expect(isSameValue('deadline', '信息形成之日起20个工作日内', '信息产生之日起20个工作日内', vocab)).toBe(true);
    // no trigger written is the 条例's: 形成或者变更
    expect(isSameValue('deadline', '20个工作日内', '信息形成或者变更之日起20个工作日内', vocab)).toBe(true);
    expect(isSameValue('deadline', '20个工作日内', '信息形成之日起20个工作日内', vocab)).toBe(false);
    // a change the diff reports, not a weakening: the period is the same, and adding 变更 discloses more
    const change = compareField('deadline', '信息形成之日起20个工作日内', '信息形成或者变更之日起20个工作日内', vocab);
    expect(change).toEqual({ field: 'deadline', before: '信息形成之日起20个工作日内', after: '信息形成或者变更之日起20个工作日内' });
    expect(classifyChange(change!)).toBe('info');
    // a longer period is still a weakening whichever of the two triggers each side writes
    expect(compareField('deadline', '信息形成之日起20个工作日内', '信息形成或者变更之日起30个工作日内', vocab)?.weakens).toBe('longer-deadline');
  });
});

describe('splitContent', () => {
  it('splits at punctuation and circled numbers, trimming numbering and quotes', () => {
    expect(splitContent('一般公共预算:①收入表。②支出表。③“三公”经费')).toEqual(['一般公共预算', '收入表', '支出表', '三公经费']);
    expect(splitContent('救助对象、救助金额，救助事由；备注')).toEqual(['救助对象', '救助金额', '救助事由', '备注']);
    expect(splitContent('1.申请条件;2.办理流程')).toEqual(['申请条件', '办理流程']);
  });

  it('finds the national elements missing from the local content', () => {
    expect(findDroppedElements('①申请人姓名。②保障人数。③保障金额', '申请人姓名、保障金额及发放时间')).toEqual(['保障人数']);
    expect(findDroppedElements('救助对象、救助金额', '本县临时救助对象，救助金额')).toEqual([]);
  });
});

describe('detectWeakening', () => {
  it('flags a longer deadline, not a shorter or incomparable one', () => {
    expect(detectWeakening('deadline', '信息形成或变更之日起20个工作日内', '信息形成或变更之日起30个工作日内', vocab)).toBe('longer-deadline');
    expect(detectWeakening('deadline', '信息形成或变更之日起20个工作日内', '信息形成或变更之日起10个工作日内', vocab)).toBeUndefined();
    expect(detectWeakening('deadline', '信息形成或变更之日起20个工作日内', '每季度', vocab)).toBeUndefined();
  });

  it('flags 主动 lost and 全社会 lost, not additions', () => {
    expect(detectWeakening('mode', ['主动'], ['依申请'], vocab)).toBe('mode-on-request');
    expect(detectWeakening('mode', ['主动'], ['主动', '依申请'], vocab)).toBeUndefined();
    expect(detectWeakening('audience', ['全社会'], ['特定群体'], vocab)).toBe('audience-narrowed');
    expect(detectWeakening('audience', ['特定群体'], ['全社会'], vocab)).toBeUndefined();
  });

  it('flags a removed channel but not a renamed alias', () => {
    expect(detectWeakening('channels', ['政府网站', '政府公报'], ['政府门户网站'], vocab)).toBe('channel-removed');
    expect(findRemovedChannels(['政府网站', '政府公报'], ['政府门户网站'], vocab)).toEqual(['政府公报']);
    expect(detectWeakening('channels', ['政府网站'], ['政府门户网站', '两微一端'], vocab)).toBeUndefined();
  });

  it('flags dropped content elements', () => {
    expect(detectWeakening('content', '①姓名。②金额', '姓名', vocab)).toBe('content-dropped');
  });

  it('never flags the other elements', () => {
    expect(detectWeakening('name', '甲', '乙', vocab)).toBeUndefined();
    expect(detectWeakening('levels', ['县级', '乡级'], ['县级'], vocab)).toBeUndefined();
  });
});

describe('classes', () => {
  it('classifies weakenings, notable elements and the rest', () => {
    const deadline = compareField('deadline', '信息形成或变更之日起20个工作日内', '信息形成或变更之日起30个工作日内', vocab)!;
    expect(classifyChange(deadline)).toBe('breaking');
    expect(classifyChange({ ...deadline, declared: '理由' })).toBe('notable');
    expect(classifyChange(compareField('subject', '甲局', '乙局', vocab)!)).toBe('notable');
    expect(classifyChange(compareField('basis', ['甲'], ['乙'], vocab)!)).toBe('notable');
    expect(classifyChange(compareField('name', '甲', '乙', vocab)!)).toBe('info');
    expect(compareField('name', '甲', '甲', vocab)).toBeUndefined();
  });

  it('orders classes for --fail-on', () => {
    expect(pickWorseClass('info', 'breaking')).toBe('breaking');
    expect(pickWorseClass('notable', 'info')).toBe('notable');
    expect(reaches('breaking', 'notable')).toBe(true);
    expect(reaches('info', 'notable')).toBe(false);
    expect(reaches('notable', 'notable')).toBe(true);
  });
});
