// Which body usually discloses a domain's items, at county and at township level: the example in vague-subject's hint.
// A village's items are disclosed by its 村民委员会 (a community's by its 居民委员会), whatever the domain.

const BODIES: Record<string, readonly [county: string, township: string]> = {
  'urban-rural-planning': ['自然资源局', '规划建设办'],
  'land-expropriation': ['自然资源局', '自然资源所'],
  'major-construction-projects': ['发展和改革局', '经济发展办'],
  'public-resource-trading': ['公共资源交易中心', '党政综合办'],
  'fiscal-budget': ['财政局', '财政所'],
  'work-safety': ['应急管理局', '应急管理办'],
  'disaster-relief': ['应急管理局', '应急管理办'],
  'tax-administration': ['税务局', '税务分局'],
  'housing-expropriation': ['住房和城乡建设局', '规划建设办'],
  'affordable-housing': ['住房和城乡建设局', '规划建设办'],
  'rural-dilapidated-housing': ['住房和城乡建设局', '规划建设办'],
  'urban-law-enforcement': ['综合行政执法局', '综合行政执法队'],
  'municipal-services': ['住房和城乡建设局', '规划建设办'],
  'environmental-protection': ['生态环境分局', '生态环境办'],
  'public-culture': ['文化和旅游局', '综合文化站'],
  'public-legal-services': ['司法局', '司法所'],
  'poverty-alleviation': ['乡村振兴局', '乡村振兴办'],
  'social-assistance': ['民政局', '民政办'],
  'elderly-care': ['民政局', '民政办'],
  'food-drug-regulation': ['市场监督管理局', '市场监管所'],
  employment: ['人力资源和社会保障局', '劳动保障所'],
  'social-insurance': ['人力资源和社会保障局', '劳动保障所'],
  'household-registration': ['公安局', '派出所'],
  'agricultural-subsidies': ['农业农村局', '农业服务中心'],
  'compulsory-education': ['教育局', '中心学校'],
  'health-care': ['卫生健康局', '卫生院'],
};

/** “示例县人民政府” → “示例县”, “张庄村民委员会” → “张庄村”: the place a government's name begins with. */
export function placeOf(name: string): string {
  const s = name.trim();
  const village = /^(.+?)(?:村民委员会|村委会)$/.exec(s);
  if (village) return `${village[1]!.replace(/村$/, '')}村`;
  const community = /^(.+?)(?:社区)?(?:居民委员会|居委会)$/.exec(s);
  if (community) return `${community[1]}社区`;
  return s.replace(/(?:人民政府|政府|办事处)$/, '');
}

/** A body of this government fit to disclose the domain's items: 示例县民政局, 示例镇民政办, 张庄村民委员会. */
export function exampleBody(governmentName: string, level: 'county' | 'township' | 'village', domain: string): string {
  const place = placeOf(governmentName);
  if (level === 'village') {
    if (/(?:村民|居民)委员会$/.test(governmentName.trim())) return governmentName.trim();
    return place.endsWith('社区') ? `${place}居民委员会` : `${place === '' ? '示例村' : place.replace(/村$/, '')}村民委员会`;
  }
  const [county, township] = BODIES[domain] ?? ['人民政府办公室', '党政综合办'];
  if (level === 'county') return `${place === '' ? '示例县' : place}${county}`;
  // a 街道 names its offices after itself too: 安邑街道民政办
  return `${place === '' ? '示例镇' : place}${township}`;
}
