#!/usr/bin/env node
// build-law-titles.mjs — regenerate catalogs/standard/law-titles.yaml's `cited` list from the reference CSVs:
// every 《title》 the official tables cite (公开依据 and 公开内容), as written. The hand-written `abbreviations` and
// `misspellings` sections of the existing file are kept.
//
// Usage (from the repo root): node catalogs/standard/build-law-titles.mjs ../shared/reference/standard
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'law-titles.yaml');
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node catalogs/standard/build-law-titles.mjs <dir-with-csvs>');
  process.exit(2);
}
const cited = new Set();
for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.csv')).sort()) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  for (const m of text.matchAll(/《[^《》\n]{2,80}》/g)) cited.add(m[0]);
}
const old = fs.existsSync(OUT) ? YAML.parse(fs.readFileSync(OUT, 'utf8')) : {};
const doc = {
  cited: [...cited].sort(),
  abbreviations: old.abbreviations ?? [],
  misspellings: old.misspellings ?? [],
};
const head = '# 法规文件标题词表 · law-title vocabulary (rule law-title)\n# cited: 参考转录表（官方文本）引用的全部标题，照录，由 build-law-titles.mjs 生成；abbreviations/misspellings 手写：\n# written 为目录中见到的写法，title 为应写的标题。\n';
fs.writeFileSync(OUT, head + YAML.stringify(doc, { lineWidth: 0 }));
console.log(`wrote ${cited.size} cited titles to ${path.relative(process.cwd(), OUT)}`);
