// unknown-domain: a catalog file's domain must be one of the 26 standard domains or declared in gk.yaml.
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'unknown-domain', severity: 'error', description: { zh: '领域必须是标准领域或在 gk.yaml 中声明', en: 'a domain must be a standard domain or declared in gk.yaml' } },
  messages: {
    unknown: { zh: '未知领域“{domain}”', en: 'unknown domain "{domain}"' },
    hint: {
      zh: '标准领域见 gk schema 生成的列表；本地领域请在 gk.yaml 中声明，如 domains: {{domain}: 综合政务}',
      en: 'standard domains are listed in the schema; declare a local one in gk.yaml, e.g. domains: {{domain}: 综合政务}',
    },
  },
  file(file, context) {
    const domain = file.catalog.domain;
    if (domain === '' || context.domains.has(domain)) return;
    context.report({ file, path: ['domain'], messageId: 'unknown', params: { domain }, hintId: 'hint', hintParams: { domain } });
  },
};
