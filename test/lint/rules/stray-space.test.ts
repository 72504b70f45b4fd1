// stray-space on the rule tester, straySpaces on its own, and the rule over the bundled edition's own text.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rule, straySpaces } from '../../../src/check/lint/rules/stray-space.js';
import { bundledStandardDir } from '../../../src/io/files.js';
import { editionCatalogs } from '../official-text.js';
import { lintCase, testRule } from '../tester.js';

const item = (field: string, value: string) => `domain: fiscal-budget\nitems:\n  - id: a\n    name: 政府预算\n    ${field}: ${value}\n`;

testRule(rule, {
  valid: [
    { name: 'bodies in an official title', code: item('basis', '[《住房城乡建设部 财政部 国务院扶贫办关于加强和完善建档立卡贫困户等重点对象农村危房改造若干问题的通知》]') },
    { name: 'a two-part official title', code: item('basis', '[《国务院关于鼓励社会力量兴办教育 促进民办教育健康发展的若干意见》]') },
    { name: 'an enactment note in brackets', code: item('basis', '[《中华人民共和国就业促进法》(2007年8月30日第十届全国人民代表大会常务委员会第二十九次会议通过 根据2015年4月24日修正)]') },
    { name: 'bodies listed side by side', code: item('subject', '示例县财政局 示例县民政局') },
    { name: 'a space between Chinese and Latin or digits', code: item('content', '政府网站 www.example.gov.cn 第 3 项') },
    { name: '公开渠道 are unknown-channel’s', code: item('channels', '[政府 网站]') },
  ],
  invalid: [
    {
      name: 'a word split by a space, not fixed (a space may be meant)',
      code: item('content', '申请人简 历'),
      errors: [{ messageId: 'stray', line: 5, column: 14, message: '“申请人简 历”中汉字之间有空格', hint: '删去空格；几个单位并列时用顿号“、”分隔' }],
      output: null,
    },
    {
      name: 'a full-width space, in 一级事项',
      code: item('category', '政策\u3000文件'),
      errors: [{ messageId: 'stray', line: 5, column: 15, message: '“政策\u3000文件”中汉字之间有空格' }],
    },
    {
      name: 'each stray space of a value, in 公开依据 outside the title; after 政府 (a body) the space separates',
      code: item('basis', '[《预算法》等法律 法规, 本级 政府 文件]'),
      errors: [
        { messageId: 'stray', line: 5, column: 13, message: '“》等法律 法规”中汉字之间有空格' },
        { messageId: 'stray', line: 5, column: 26, message: '“本级 政府 文”中汉字之间有空格' },
      ],
    },
  ],
});

describe('straySpaces', () => {
  it.each([
    ['简 历', ['简 历']],
    ['政策  文件', ['政策  文件']],
    ['《文化部 财政部关于推进全国美术馆免费开放工作的意见》', []],
    ['示例县人民政府办公室 示例县财政局', []],
    ['自信息形成之日起 20个工作日内', []],
    ['', []],
  ])('%j → %j', (text, found) => {
    expect(straySpaces(text)).toEqual(found);
  });
});

describe('stray-space over the bundled edition’s own text', () => {
  it('finds nothing: every space in the official tables is inside a title or a bracketed note', () => {
    const found = editionCatalogs(path.join(bundledStandardDir, 'national-2020')).flatMap(({ domain, code }) =>
      lintCase(rule, { name: domain, code }).map((f) => `${domain}: ${f.diagnostic.message}`),
    );
    expect(found).toEqual([]);
  });
});
