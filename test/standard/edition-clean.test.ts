// The bundled edition and `gk import --edition` carry no masked, placeholder or empty value, and every item has a name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ITEM_FIELDS } from '../../src/model/types.js';
import { unusableValue } from '../../src/model/blank.js';
import { bundledStandardDir } from '../../src/io/files.js';
import { loadEdition } from '../../src/load/edition.js';
import { gk } from '../helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** Every text an item shows, as [field, value]. */
function values(item: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const field of ITEM_FIELDS) {
    const v = item[field];
    if (typeof v === 'string') out.push([field, v]);
    else if (Array.isArray(v)) for (const x of v) out.push([field, String(x)]);
  }
  return out;
}

describe('unusableValue', () => {
  it('names masks and placeholders, and nothing that is text', () => {
    expect(['─', '—', '/', '无', '-', '……', '***', 'N/A'].map(unusableValue)).toEqual(Array(8).fill('placeholder'));
    expect(['******局', '征地信息公**台', '****中心'].map(unusableValue)).toEqual(['masked', 'masked', 'masked']);
    // one * is the standard's own mark for an optional element; 无线 and 无偿 are words
    expect(['〔*征地工作流程图〕', '无偿献血', '《XX省农机购置补贴实施方案》', '', '待填写'].map(unusableValue)).toEqual(Array(5).fill(undefined));
  });
});

describe('the bundled edition national-2020', () => {
  const edition = loadEdition(path.join(bundledStandardDir, 'national-2020'));

  it('has no masked, placeholder or blank value, and every item a name', () => {
    expect(edition.items.size).toBeGreaterThan(200);
    const bad: string[] = [];
    for (const item of edition.items.values()) {
      if (!item.name || item.name.trim() === '') bad.push(`${item.id}: no name`);
      for (const [field, value] of values(item as unknown as Record<string, unknown>)) {
        if (value.trim() === '' || unusableValue(value) !== undefined) bad.push(`${item.id} ${field}: “${value}”`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('names an item without 二级事项 by its 一级事项, and holds no blank row', () => {
    const item = edition.items.get('land-expropriation/x3')!;
    expect([item.category, item.name, item.subject, item.channels]).toEqual(['征地管理政策', '征地管理政策', undefined, ['政府网站']]);
    expect(edition.items.has('rural-dilapidated-housing/3')).toBe(false);
    expect(edition.items.get('rural-dilapidated-housing/4')!.name).toBe('任务分配');
    expect(edition.items.get('urban-rural-planning/1')!.subject).toBeUndefined();
  });
});

describe('gk import --edition on an office table with masks, placeholders and a row without 二级事项', () => {
  it('leaves them out, says so, and names the item by its 一级事项', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-edition-clean-'));
    temps.push(tmp);
    const csv = [
      '序号,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级',
      '1,征地管理政策,─,征地补偿安置法律,《政府信息公开条例》,信息形成或者变更之日起20个工作日内,****以及有关部门,政府网站；征地信息公**台,全社会,主动,县级',
      '2,征地审查报批,征地报批材料,用地报批材料,无,/,县自然资源局,政府网站,全社会,主动,州级；县级',
    ].join('\n');
    fs.writeFileSync(path.join(tmp, 'land.csv'), `${csv}\n`);
    const r = await gk(['import', 'land.csv', '--edition', 'ed', '--domain', 'land-expropriation'], tmp);
    expect([r.code, r.err]).toEqual([0, '']);
    const items = parse(fs.readFileSync(path.join(tmp, 'ed', 'land-expropriation.yaml'), 'utf8')).items as Array<Record<string, unknown>>;
    expect(items.map((i) => [i.id, i.name, i.subject, i.channels, i.basis, i.deadline, i.levels, i.levelsAsWritten])).toEqual([
      ['land-expropriation/1', '征地管理政策', undefined, ['政府网站'], ['《政府信息公开条例》'], '信息形成或者变更之日起20个工作日内', ['县级'], undefined],
      ['land-expropriation/2', '征地报批材料', '县自然资源局', ['政府网站'], undefined, undefined, ['县级'], '州级；县级'],
    ]);
    for (const item of items) for (const [field, value] of values(item)) expect([field, unusableValue(value)]).toEqual([field, undefined]);
    expect(r.out).toContain('二级事项为空，以一级事项“征地管理政策”为事项名称');
    expect(r.out).toContain('公开主体“****以及有关部门”被遮蔽（*），内容未知，未导入');
    expect(r.out).toContain('公开渠道和载体“征地信息公**台”被遮蔽（*），内容未知，未导入');
    expect(r.out).toContain('公开依据“无”是占位符号，不是内容，未导入');
    expect(r.out).toContain('公开时限“/”是占位符号，不是内容，未导入');
    expect(r.out).toContain('公开层级“州级”不是县级、乡级、村级，原文保留在 levelsAsWritten');
  });

  it('a catalog import keeps a 公开层级 word outside the vocabulary in the note and says so', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-edition-clean-'));
    temps.push(tmp);
    const csv = [
      '序号,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级',
      '1,征地审查报批,征地报批材料,用地报批材料,《政府信息公开条例》,信息形成或者变更之日起20个工作日内,示例县自然资源局,政府网站,全社会,主动,州级；县级',
    ].join('\n');
    fs.writeFileSync(path.join(tmp, 'land.csv'), `${csv}\n`);
    const r = await gk(['import', 'land.csv', '--domain', 'land-expropriation'], tmp);
    expect(r.err).toBe('');
    const [item] = parse(fs.readFileSync(path.join(tmp, 'catalog', 'land-expropriation.yaml'), 'utf8')).items as Array<Record<string, unknown>>;
    expect([item!.levels, item!.note]).toEqual([['县级'], '公开层级：州级']);
    expect(r.out).toContain('公开层级“州级”不是县级、乡级、村级，原文记入备注（note）');
  });
});
