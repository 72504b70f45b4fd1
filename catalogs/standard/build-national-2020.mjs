#!/usr/bin/env node
// build-national-2020.mjs — regenerate catalogs/standard/national-2020/ from the
// transcribed national-standard CSVs (基层政务公开标准目录, 26 domains).
//
// Usage (from the repo root):
//   node catalogs/standard/build-national-2020.mjs ../shared/reference/standard [<empty out dir>]
//
// Inputs:  <dir>/<domain>.csv (26 files, header 序号,一级事项,…,公开层级)
//          catalogs/standard/channels.yaml (hand-written channel vocabulary)
// Outputs: catalogs/standard/national-2020/<domain>.yaml and edition.yaml
//
// The CSVs are official text transcribed from local copies. Nothing is invented:
// an empty cell is omitted, a cell is never filled from elsewhere. Row-level
// provenance (source URL and notes) is taken from SOURCES-1/2/3.md and kept in
// the PROVENANCE table below; the script refuses to run if a CSV row no longer
// matches the 二级事项 recorded there. Output is deterministic (no clocks,
// no environment-dependent ordering); re-running yields byte-identical files.
//
// Exit code: 0 when the channel-vocabulary check passes, 1 otherwise (files are
// still written so the unknown strings can be inspected).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.join(HERE, 'national-2020');
const VOCAB_FILE = path.join(HERE, 'channels.yaml');
const SCRIPT_NAME = 'build-national-2020.mjs';

// ---------------------------------------------------------------------------
// Domains (order is the order of the national list)
// ---------------------------------------------------------------------------

const DOMAINS = [
  ['urban-rural-planning', '城乡规划'],
  ['land-expropriation', '征地补偿'],
  ['major-construction-projects', '重大建设项目'],
  ['public-resource-trading', '公共资源交易'],
  ['fiscal-budget', '财政预决算'],
  ['work-safety', '安全生产'],
  ['disaster-relief', '救灾'],
  ['tax-administration', '税收管理'],
  ['housing-expropriation', '国有土地上房屋征收'],
  ['affordable-housing', '保障性住房'],
  ['rural-dilapidated-housing', '农村危房改造'],
  ['urban-law-enforcement', '城市综合执法'],
  ['municipal-services', '市政服务'],
  ['environmental-protection', '环境保护'],
  ['public-culture', '公共文化服务'],
  ['public-legal-services', '公共法律服务'],
  ['poverty-alleviation', '扶贫'],
  ['social-assistance', '社会救助'],
  ['elderly-care', '养老服务'],
  ['food-drug-regulation', '食品药品监管'],
  ['employment', '就业'],
  ['social-insurance', '社会保险'],
  ['household-registration', '户籍管理'],
  ['agricultural-subsidies', '涉农补贴'],
  ['compulsory-education', '义务教育'],
  ['health-care', '医疗卫生'],
];

const HEADER = [
  '序号', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限',
  '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级',
];

// ---------------------------------------------------------------------------
// Edition-level metadata (from SOURCES-1/2/3.md)
// ---------------------------------------------------------------------------

const EDITION = {
  id: 'national-2020',
  title: '基层政务公开标准目录（26个试点领域）',
  note:
    '本版各表转录自地方政府门户网站（及其镜像、转载站）上刊载的县级、乡级基层政务公开标准目录副本，' +
    '各部委印发的全国标准指引原表均未能取得；检索服务只返回每个页面开头约2000字，' +
    '因此多数表只含源表的前若干行，部分领域由多个地方副本拼合而成，整体为不完整的部分转录。' +
    '公开主体以及部分公开渠道和载体、公开时限是地方副本的本地化改写，不代表全国统一表述。' +
    '每行的出处见该行 source 字段，单元格层面的补充来源、截断和向下填充情况见 note 字段；' +
    '源表为空或被截断的单元格一律不填。',
};

// Per-domain metadata. issuer/documents only where SOURCES states them.
const DOMAIN_META = {
  'urban-rural-planning': {
    gaps: '仅有一个县级副本的前6行，第6行自公开主体起被截断，源表总行数未知；√列位置无法确定；发布单位被聚合网站遮蔽；全国指引及发布部门未查到（或并入自然资源领域目录）。',
  },
  'land-expropriation': {
    gaps: '缺征地组织实施各项（征收土地公告、征地补偿安置方案公告、补偿登记和费用支付等）；听证一行仅有名称；前期准备与审查报批之间可能另有缺项；全国指引及发布部门未查到；序号为漳州副本编号，新增行无序号。',
  },
  'major-construction-projects': {
    issuer: '国家发展改革委',
    documents: ['国家发展改革委办公厅关于印发《重大建设项目领域基层政务公开标准指引》的通知（发改办投资〔2019〕621号，2019-05-27）'],
    gaps: '缺企业投资项目核准、选址意见书、建设用地和工程规划许可、环评、节能等批准结果事项，以及重大设计变更、竣工等实施事项；第4—6行序号为推定，其后各行全国序号未知，顺序未经确认。',
  },
  'public-resource-trading': {
    issuer: '国家发展改革委',
    documents: ['《公共资源交易领域基层政务公开标准指引》（文号未查到；2019-08-01浙江省公共资源交易中心报道）'],
    officialRows: 40,
    gaps: '全国指引共40项，本表仅3项；缺工程建设项目招标投标中招标公告以后各项，以及政府采购、国有土地使用权出让、矿业权出让、国有产权交易全部事项；第3行仅有名称。',
  },
  'fiscal-budget': {
    issuer: '财政部',
    documents: ['财政部关于印发财政预决算领域基层政务公开标准指引的通知（财办发〔2019〕77号，仅见一处引用，未核实）'],
    gaps: '政府决算、部门预算、部门决算三行缺公开内容；全国表是否把政府预算、政府决算拆成多行未知（若拆分约8行）；文号未核实。',
  },
  'work-safety': {
    issuer: '应急管理部',
    documents: ['应急管理部办公厅关于印发安全生产和救灾领域基层政务公开标准目录指引的通知（应急厅函〔2019〕390号，2019-05-30）'],
    gaps: '缺行政强制以后各项（行政检查、事故调查处理、举报、宣传教育等，名称未见）；第6行序号为推定，重大政策解读的位置未知；行政强制一行自公开依据起被截断。',
  },
  'disaster-relief': {
    issuer: '应急管理部',
    documents: ['应急管理部办公厅关于印发安全生产和救灾领域基层政务公开标准目录指引的通知（应急厅函〔2019〕390号，2019-05-30）'],
    gaps: '仅有一个乡镇副本的前6行，源表总行数未知；重要会议一行仅有名称；该副本无“标准”一行（其他副本列为第4行）；无可见√。',
  },
  'tax-administration': {
    issuer: '国家税务总局',
    gaps: '缺第6行以后各项；第5行自公开依据起、第6行自公开内容起被截断；无可见√；全国指引名称、文号、日期未查到。',
  },
  'housing-expropriation': {
    issuer: '住房和城乡建设部',
    documents: ['住房城乡建设部办公厅关于印发保障性住房等基层政务公开标准目录的通知（建办厅〔2019〕71号；据重庆市住房和城乡建设委员会渝建〔2023〕23号引用，是否涵盖本领域未核实）'],
    gaps: '缺评估（评估机构选定、分户初步评估结果）、补偿决定、强制执行等事项；房屋调查登记一行自公开依据起、分户补偿一行自公开时限起被截断；新增行无序号。',
  },
  'affordable-housing': {
    issuer: '住房和城乡建设部',
    documents: ['住房城乡建设部办公厅关于印发保障性住房等基层政务公开标准目录的通知（建办厅〔2019〕71号；据重庆市住房和城乡建设委员会渝建〔2023〕23号引用）'],
    gaps: '缺中长期规划以后各项（年度计划、建设项目、配租配售和分配、租赁补贴、退出、监督等）；第2行仅有名称；第4—5行可能与第3行合并的单元格未填；第6行公开依据被截断。',
  },
  'rural-dilapidated-housing': {
    issuer: '住房和城乡建设部',
    documents: ['住房城乡建设部办公厅关于印发保障性住房等基层政务公开标准目录的通知（建办厅〔2019〕71号；据重庆市住房和城乡建设委员会渝建〔2023〕23号引用，是否涵盖本领域未核实）'],
    gaps: '缺审核、审批、公示程序，补助资金，竣工验收，监督等事项及其全国序号；第3行在源表中即为空；新增行无序号。',
  },
  'urban-law-enforcement': {
    issuer: '住房和城乡建设部',
    documents: ['住房城乡建设部办公厅关于印发保障性住房等基层政务公开标准目录的通知（建办厅〔2019〕71号；据重庆市住房和城乡建设委员会渝建〔2023〕23号引用，是否涵盖本领域未核实）'],
    gaps: '全国表为逐项列出处罚事项的长表，本表仅16项；始兴县副本第1—30项及第34项以后未见；多数行序号未知，各一级事项分组的顺序未知。',
  },
  'municipal-services': {
    issuer: '住房和城乡建设部',
    documents: ['住房城乡建设部办公厅关于印发保障性住房等基层政务公开标准目录的通知（建办厅〔2019〕71号；据重庆市住房和城乡建设委员会渝建〔2023〕23号引用，是否涵盖本领域未核实）'],
    gaps: '仅有一个县级副本的前6行，源表总行数未知；第6行自公开依据起被截断；第2、4、5行公开渠道为推定的合并单元格填充；无可见√。',
  },
  'environmental-protection': {
    issuer: '生态环境部',
    documents: ['生态环境部办公厅关于印发《生态环境领域基层政务公开标准指引》的通知（环办厅函〔2019〕672号）'],
    gaps: '缺其他行政权力、环境质量、突发环境事件、信访等事项，总行数未知；第4—7行序号为推定；全国表似无公开层级栏，本表公开层级全空。',
  },
  'public-culture': {
    issuer: '文化和旅游部、国家文物局',
    documents: ['文化和旅游部办公厅 国家文物局办公室关于印发《公共文化服务领域基层政务公开标准指引》的通知（办办发〔2019〕139号，2019-10-30）'],
    gaps: '序号1—5为昌宁、兴国副本公共服务子集的编号，可能与全国编号不符；行政许可各行在全国表中的位置未知；全国总数未知（濮阳省级草案约45项）。',
  },
  'public-legal-services': {
    issuer: '司法部',
    documents: ['司法部办公厅关于印发公共法律服务领域基层政务公开标准指引的通知（司办通〔2019〕57号）'],
    gaps: '仅有前5行，人民调解、基层法律服务、公证、司法鉴定等部分未见；第5行自公开依据起被截断；√列位置无法确定。',
  },
  'poverty-alleviation': {
    issuer: '国务院扶贫办',
    documents: ['《扶贫领域基层政务公开标准指引》（文号、日期未查到）'],
    gaps: '缺扶贫资金、扶贫项目、监督管理的其余各项；第5、6行公开内容被截断；全国总数未知（许昌省级版本为4个一级事项、13个二级事项）。',
  },
  'social-assistance': {
    issuer: '民政部',
    documents: ['民政部办公厅关于印发社会救助和养老服务领域基层政务公开标准指引的通知（民办函〔2019〕52号，2019-04-30）'],
    gaps: '缺第10行（推测为特困人员救助供养审批信息）；第5—9行多个单元格为空；第13行公开渠道被截断。',
  },
  'elderly-care': {
    issuer: '民政部',
    documents: ['民政部办公厅关于印发社会救助和养老服务领域基层政务公开标准指引的通知（民办函〔2019〕52号，2019-04-30）'],
    gaps: '缺行业管理信息和监管的其余各项，总数未知；两行序号未知；养老机构评估信息一行公开内容被截断。',
  },
  'food-drug-regulation': {
    issuer: '国家市场监督管理总局',
    documents: ['《食品药品监管领域基层政务公开标准指引》（市监办函〔2019〕1111号）'],
    gaps: '总数未知；第6—8行序号为推定；行政处罚一行位置未知、公开时限被截断。',
  },
  'employment': {
    issuer: '人力资源社会保障部',
    documents: ['人力资源社会保障部办公厅关于印发就业和社会保险领域基层政务公开标准指引的通知（2019-06-03，文号未查到）'],
    officialRows: 25,
    gaps: '全国目录为9个一级事项、25个二级事项，本表仅4项，就业信息服务以后的一级事项全部缺失；公开主体因副本各异留空；√列位置无法确定。',
  },
  'social-insurance': {
    issuer: '人力资源社会保障部',
    documents: ['人力资源社会保障部办公厅关于印发就业和社会保险领域基层政务公开标准指引的通知（2019-06-03，文号未查到）'],
    gaps: '缺缴费、待遇、关系转移等大部分事项；第4—8行序号为推定；另一种引用完整法条的版本未合并，哪一种是全国原文未能确定。',
  },
  'household-registration': {
    issuer: '公安部',
    documents: ['公安部办公厅关于印发户籍管理领域基层政务公开标准指引的通知（公治安〔2019〕158号；广西公安厅引作公治安发〔2019〕158号）'],
    officialRows: 18,
    gaps: '全国目录为7个方面18项，本表7项；缺户口登记项目变更更正的其余各项、居民身份证、其他居住证和暂住登记事项等；√列仅末行有值。',
  },
  'agricultural-subsidies': {
    documents: ['《涉农补贴领域基层政务公开标准指引》（印发通知、文号、日期未查到）'],
    gaps: '仅5项，总数未知；第4行被截断；第5行依据含广西地方文件；发布部门未查到。',
  },
  'compulsory-education': {
    issuer: '教育部',
    documents: ['《义务教育领域基层政务公开标准指引》（新华社2019-06-19报道，文号未查到）'],
    gaps: '全国目录有10个一级事项，本表涉及6个；缺教师管理、重要政策执行情况、教育督导公开、校园安全等；公开主体和公开渠道因副本各异留空；序号为一级事项分组编号。',
  },
  'health-care': {
    issuer: '国家卫生健康委',
    documents: ['《卫生健康（医疗卫生）领域基层政务公开标准指引》（标题写法、文号、日期未查到）'],
    gaps: '全国目录规模大（行政许可、行政处罚、行政给付和计划生育、公共卫生服务等），本表仅7个事项17个子行，总数未知；母婴保健服务人员资格认定一行被截断（可能为0102）；05类一级事项名称未见。',
  },
};

// ---------------------------------------------------------------------------
// Row provenance (from SOURCES-1/2/3.md)
//
// For each domain: one entry per CSV data row, in order:
//   [二级事项 as in the CSV (guard), source URL, note or null]
// Notes here are the hand-written ones; notes for unknown/duplicate 序号,
// cells ending in "…" and channel cells split on separators other than "；"
// are added automatically.
// ---------------------------------------------------------------------------

const U = {
  qianlima: 'https://www.qianlima.com/bid-558529662.html',
  zhangzhou: 'http://cmzd.zhangzhou.gov.cn/cms/html/zzzsjjjjskfq/2021-06-23/292867468.html',
  shipai: 'http://dichtienghoa.com/translate/www.qianlima.com?t=og&u=https%3A%2F%2Fwww.qianlima.com%2Fzb%2Fdetail%2F20221025_299767058.html',
  ansha: 'http://www.ya.gov.cn/ztzl/lhbz/bzml/xzjd/ydjd_22148/202011/t20201110_1587926.htm',
  gaoming: 'http://www.whgsj.com/zwgk/gmqjczwgkbzml/hcjdb/ncjttdzs/index.html',
  fengjie: 'http://cqfj.gov.cn/bm_168/fzhggwyh/zwgk_61467/zfxxgkml/zdxm/bzml14/202404/t20240408_13113279.html',
  wuchang: 'https://www.wuchang.gov.cn/xxgk/jsj/fdzdgknr/zdjs/zdjs_/202012/t20201207_1531816.html',
  xihuMcp: 'https://xh.benxi.gov.cn/publicity/zdxxgz/zdlyxxgk/zdjsxm/zdjsxmlyzwgksxbzml/124173',
  charity: 'http://charitysboutique.com/news/513d561d9fab89b7d20dbf73836fc624.html',
  lingyuanMcp: 'http://www.lingyuan.gov.cn/html/LYSZF/202112/0163946493148544.html',
  zgul: 'https://zgul.cn/info/2191/281961.htm',
  furendq: 'https://www.furendq.com/kpszfw/zwgk/26lysd/zdxm/content/post_2202615.html',
  zsPrt: 'http://zs.gov.cn/zwgk/mulu/content/post_1853596.html',
  jingyan: 'http://rd.jingyan.org.cn/jyx/jczwgkxj/202311/b164ebcdfe1a45bfbda4b753730bca8a.shtml',
  dayong: 'http://zs.gov.cn/dyz/dyml/content/post_1869195.html',
  chengguan: 'http://www.883803.com/ztzl/jczwgk/bzml/mxxz/cgx/202011/t20201108_1586638.htm',
  rushan: 'http://www.rushan.gov.cn/xzjdsdlygk/8/files/basic-html/page7.html',
  xjbzSafety: 'http://xjbz.gov.cn/xjbz/c110517/Anarticle.shtml',
  xingguoSafety: 'http://www.e5515c-test.cn/xgxxxgk/cssq025g/202310/861642fa86a241f496ad13b232776991.shtml',
  shawan: 'http://www.shawan.gov.cn/swq/sdlybzml/202009/5770ae23410046d78aa6453f4bceb43d.shtml',
  guzhen: 'http://www.8mll.cn/gzz/gzml/content/post_1874300.html',
  xjbzTax: 'http://xjbz.gov.cn/xjbz/c110498/Anarticle.shtml',
  fsxfTax: 'http://fsxf.gov.cn/zfxxgk/ins.asp?i=4276&s=10350',
  yngm: 'https://yngm.gov.cn/zfxxgk_gmx/gytdsfwzs.html',
  virginia: 'http://virginiawinelovers.com/jczwgk01/202404/t20240417_2495947.html',
  hehua: 'https://www.tengchong.gov.cn/info/7151/5817813.htm',
  jmsqyfw: 'https://m.jmsqyfw.com/ztzl/zczwgkml/26gzdly/bzxzf',
  lingyuanAh: 'https://lingyuan.gov.cn/html/LYSZF/202407/0172051038599294.html',
  daojiao: 'https://12ap.com/daojiao/ztzl/jczwgk/bzxzf/content/post_3644657.html',
  xjwqx: 'https://xjwqx.gov.cn/xjwqx/c104433/202304/30dc3ed6f5124994bd5c92cecd0366f3.shtml',
  jiuyuanRdh: 'http://oozskyt.cn/jczwgk/42505.html',
  duodao: 'http://www.duodao.gov.cn/art/2020/11/27/art_14662_748033.html',
  xiaxian: 'http://travelhrb.com/doc/2021/09/27/10510972.shtml',
  abg: 'https://www.abg.gov.cn/abg/ztzl/jczwgkpt/jczwgkbzmlyssqk/cszhzfly/gkbzml/index.html',
  xihuUle: 'https://xh.benxi.gov.cn/publicity/zdxxgz/zdlyxxgk/cszhzfly/cszhzflyzwgksxbzml/123980',
  henglan: 'http://www.zs.gov.cn/hlz/hlml/content/post_2195360.html',
  szmaolu: 'http://www.szmaolu.com/nqbsc/nqml/content/post_1876238.html',
  shixing: 'http://www.gdsx.gov.cn/zwgk/zwgkmu/xjml/content/post_1892324.html',
  dongpo: 'http://shchangye.com/info/3092/122636.htm',
  heyuan: 'http://www.heyuan.gov.cn/zwgk/jczwgk/sthj/content/post_469742.html',
  regpowell: 'https://regpowell.com/qmtjjczwgk/26sdly/sthjly/content/post_6845512.html',
  wenshan: 'https://ynwss.gov.cn/info/2884/127339.htm',
  wujiang: 'http://www.sgwjq.gov.cn/ztzl/zwgkbzsxml/content/post_1892839.html',
  youhaodoor: 'https://youhaodoor.com/hlz/hlml/content/post_2195283.html',
  changning: 'https://yncn.gov.cn/info/32784/8965790.htm',
  yijiuCulture: 'http://yr.gov.cn/info/2614/55866.htm',
  xingguoCulture: 'http://www.xingguo.gov.cn/xgxxxgk/c129245d/202106/4c5bb6651a354d2baab36996a8878080.shtml',
  xiashanCulture: 'http://zzifashion.com/zjbzml/yy/content/post_1202144.html',
  arguswt: 'http://arguswt.com/art/2020/9/2/art_173943_10002243.html',
  meixian: 'http://www.gdmx.gov.cn/zwgk/jczwgkbzml/content/post_2102400.html',
  nanjiang: 'https://scnj.gov.cn/ztzl/sdlyjczwgkbzmlbz/xjbm/13787848.html',
  secondsilicon: 'http://www.secondsilicon.com/info/4411/100231.htm',
  tuwife: 'https://tuwife.com/info/1475/44081.htm',
  southwest: 'http://southwestwallart.com/gkmlpt/content/1/1298/post_1298847.html',
  wuchuan: 'http://www.lggbt.com/sylbzt/zwgkbzml/eslx/fp/content/post_1197037.html',
  xaodauto: 'https://x-aodauto.com/rqxrmzf/c111317/Anarticle2.shtml',
  baodi: 'https://www.tjbd.gov.cn/zwgk/jczwgk/ly/shjzly/202012/t20201216_5039688.html',
  dazhu: 'http://www.dazhu.gov.cn/xxgk-show-199777.html',
  mdx: 'http://mdx.gov.cn/info/1473/43897.htm',
  dean: 'http://www.dean.gov.cn/ztzl/jczwgklh/bzml/202409/t20240910_6694854.html',
  shanghai: 'http://101.230.193.164/ztzl/bzhgfh/bzhgfharticle.html?categorynum=002003001',
  daocheng: 'http://www.daocheng.gov.cn/jczwgkx(s)j/article/509332',
  yunyang: 'https://yunyang.gov.cn/bm_257/xmzj/zwgk_62088/zfxxgkml/jczfxxgk_1/ylfw/bzml/202401/t20240118_12836675.html',
  fengjieElder: 'http://cqfj.gov.cn/index/xz_168/qlianz/zwgk_61082/zfxxgk/jczwgk/ylfwly/bzml/202411/t20241114_13796345.html',
  yijiuElder: 'http://www.yr.gov.cn/info/2220/33001.htm',
  yiyuan: 'http://www.yiyuan.gov.cn/gongkai/site_yyxmzj/channel_61989a3699860e84ccc00588/doc_61989a8f6fd6fa2c682fe546.html',
  funing: 'https://www.ynfq.gov.cn/info/13053/170942.htm',
  heyang: 'http://www.heyang.gov.cn/info/2769/60557.htm',
  haifeng: 'https://dglzk19.com/gdhf/ztzl/zwgkghml/content/post_653372.html',
  xiashanElder: 'http://zzifashion.com/zwgksxbzml/content/post_1197815.html',
  hellobeijing: 'https://hellobeijing.org/cy/ztzl/zwgksxbzml/ylfw/index',
  kf10000: 'http://kf10000.com/jczwgkx(s)j/article/505738',
  tonghai: 'https://www.tonghai.gov.cn/thxzfxxgk/spypjg2/20240712/1542381.html',
  jiuyuanFood: 'https://www.jiuyuanqu.gov.cn/jczwgk/64385.html',
  woodbox: 'http://woodboxstudios.com/gkmlpt/content/1/1298/post_1298910.html',
  dexing: 'http://www.dxs.gov.cn/dxs/dx2pohg0/202207/8a5e8bd79be64e519b3949241191caac.shtml',
  hetang: 'http://www.hetang.gov.cn/c12192/20250815/i2410578.html',
  jianping: 'http://cdaimeike.com/html/JPXZF/202112/0163898423463926.html',
  dongguanFood: 'http://www.sangco.com.cn/dongcheng/zwgksxbzml/spypjd/content/post_4314998.html',
  fuliangFood: 'https://www.fuliang.gov.cn/ztzl/zwxjczwgk/zegkbzml/t880466.shtml',
  tengchongJob: 'https://www.tengchong.gov.cn/info/7151/5817803.htm',
  shuanghuai: 'http://www.hc.gov.cn/bmjd/jz/shz_100615/zwgk_100619/zj_jczwgk/zj_bzml/202402/t20240226_12959812.html',
  honghaiwan: 'http://hhw.gov.cn/hhw/ztzl/jczwbzml/content/post_653545.html',
  lingyuanJob: 'https://hzrsks.cn/html/LYSZF/202408/0172412775548639.html',
  zbjkq: 'http://www.zbjkq.gov.cn/gongkai/site_jjkfqzzrsb/channel_61c6dbcc4cc1d0ce8eed31c7/doc_61c6dc1a0dd53d57d243a14b.html',
  saihan: 'https://www.saihan.gov.cn/zwgk_new/jczwgk/shbxly/bzml',
  guangshui: 'http://www.guangshui.gov.cn/zwgk/xxgkml/jczwgkbzhgfhgz/qjsdlybzml/shbxly/202012/t20201218_851997.shtml',
  pingwuIns: 'http://www.pingwu.gov.cn/xxgk/jczwgkbzml/xz/sezzx/25170821.html',
  tez: 'http://tez.gov.cn/zwgk/zwgkzt/jczwgk/sdly/202011/t20201120_1104051.html',
  penglai: 'https://dyrmt.com/article-156546-1.html',
  datonghu: 'http://dth.yiyang.gov.cn/jc_dth/218/242/content_7915.html',
  sdsshdjx: 'http://sdsshdjx.com/jczwgkx(s)j/article/501303',
  kunshan: 'https://data.ks.gov.cn/kss/jczwgkmlqd/202403/1c5bf8f71d8746cb89a1a088c6a14428.shtml',
  tieli: 'https://www.tls.gov.cn/newtlsrmzf/c103254/202101/261324.shtml',
  fangshan: 'http://fangshan.gov.cn/xxgk/jcgk/202012/t20201212_1457111.html',
  fengxin: 'http://www.xmzaj.com/fxxrmzf/26gsdlyjczwgkbzmlzy/202111/408382c0b9004d8384e65b165a63a0bd.shtml',
  liuzhou: 'http://bbstxq.liuzhou.gov.cn/ztzl/dqzt/jczwgkzl/202211/t20221121_3177156.shtml',
  minzhong: 'http://m.fyjszy.com/mzz/mzmulu/content/post_1864545.html',
  yanzhou: 'https://m.bidcenter.com.cn/news-32-142856026.html',
  dongyang: 'http://cncdsbwlw.com/art/2024/8/29/art_1229506921_59688362.html',
  pmmsap: 'http://www.pmmsap.com/lyxzf/c104272/202106/f4a8c3e4c3a0488382dc9d3c8bb256f1.shtml',
  shiyang: 'http://dayao.gov.cn/info/egovinfo/1007/overt_centent/dyx033-/2023-0913016.htm',
  tongdao: 'http://www.tongdao.gov.cn/tongdao/c133067/202406/ef93823871ec4581a1460b6303b522c5.shtml',
  longhua: 'http://www.szlhq.gov.cn/lhqzwfwgksxbzml/25gsdlyjczwgksxbzml/content/post_8124813.html',
  pingyang: 'http://www.zjpy.gov.cn/art/2020/9/4/art_1229460738_58996833.html',
  hejin: 'http://hqbet6270.com/doc/2021/09/02/10460676.shtml',
  tchuan: 'http://tchuan.gov.cn/xxgk-show-26206.html',
  sanjiao: 'http://www.zs.gov.cn/sjz/sjml/content/post_1875780.html',
  xilinhaote: 'https://www.xilinhaote.gov.cn/xilinhaote/ztzl/qmtjjczwgkbzhgfhgz/bmjczwgk/blgjdbsc/gkbzml/index.html',
  tongling: 'https://tljq.gov.cn/openness/OpennessContent/show/826967.html',
};

// Recurrent note phrases
const N = {
  fillCat: '一级事项为源表合并单元格，向下填充',
  collapsed: (n) => `源表该行有${n}个√，但所在列无法确定，公开对象、公开方式、公开层级留空`,
  noTick: '源表未见√，公开对象、公开方式、公开层级留空',
  namesOnly: (col) => `源页面自${col}起被截断，该行仅有事项名称`,
  cutFrom: (col) => `源页面自${col}起被截断，其后各栏留空`,
  cutCell: (col) => `${col}在源页面中被截断，留空`,
  masked: '公开主体被聚合网站遮蔽（显示为“******局”），未知，留空',
  seqInferred: '序号为转录者据其他副本的编号顺序推定',
  seqAsSource: '序号为源页面原有编号',
  localSubject: '公开主体为地方副本原文（本地化改写）',
};
const j = (...parts) => parts.filter(Boolean).join('；');
const from = (label, url) => `${label}据 ${url}`;

const PROVENANCE = {
  'urban-rural-planning': [
    ['法规文件', U.qianlima, j(N.masked, N.collapsed(3))],
    ['政民互动', U.qianlima, j(N.fillCat, N.masked, N.collapsed(3))],
    ['办事服务', U.qianlima, j(N.fillCat, N.masked, N.collapsed(3))],
    ['城市、镇总体规划及同级的土地利用规划', U.qianlima, j(N.masked, N.collapsed(3))],
    ['乡规划及同级的土地利用规划', U.qianlima, j(N.fillCat, N.masked, N.collapsed(3))],
    ['城市、镇详细规划', U.qianlima, j(N.fillCat, N.cutFrom('公开主体'))],
  ],
  'land-expropriation': [
    ['征地报批材料', U.zhangzhou, j('序号为漳州开发区副本的编号（全国表中约为第5项）', N.noTick)],
    ['征地批准文件', U.zhangzhou, j('序号为漳州开发区副本的编号（全国表中约为第6项）', N.fillCat, N.cutCell('公开渠道和载体') + '（可见“▲政府网站”已勾选）', N.noTick)],
    ['', U.shipai, j('源表编号为1', '源表无二级事项（该栏为“─”），以一级事项为名', '公开主体和三项公开渠道中的两项被聚合网站遮蔽，未知，留空（可读的仅“政府网站”）', N.collapsed(3), '原页面 https://www.qianlima.com/zb/detail/20221025_299767058.html，经翻译代理读取')],
    ['拟征收土地告知', U.ansha, j('源表编号为1', '公开主体为地方副本原文', '公开时限后半句（收到征地批准文件之日起10个工作日内…）为福建地方副本的增补', '公开对象据特定群体栏“√面向拟征收土地所在地的村集体成员”记为特定群体')],
    ['拟征收土地现状调查', U.ansha, j('源表编号为2', '公开主体为地方副本原文', '公开时限后半句为福建地方副本的增补', '公开对象据特定群体栏“√面向拟征收土地所…”（被截断）记为特定群体')],
    ['征地补偿安置方案听证', U.gaoming, j('源表编号为3', N.namesOnly('公开内容'))],
  ],
  'major-construction-projects': [
    ['办事指南', U.fengjie, j(N.collapsed(3))],
    ['办理过程', U.fengjie, j(N.fillCat, '公开依据中“政务信息公开的意见”照源表（全国文件名为“政府信息公开的意见”）', '公开对象据特定群体栏中的“项目单位”记为特定群体，另有2个√所在列无法确定')],
    ['咨询监督', U.fengjie, j(N.fillCat, '公开依据中“政务信息公开的意见”照源表', N.cutCell('公开渠道和载体'), N.noTick)],
    ['政府投资项目建议书审批', U.wuchang, j(N.seqInferred + `（${U.xihuMcp}）`, '公开主体为地方副本原文', '公开对象、公开方式为源表明确勾选')],
    ['政府投资项目可行性研究报告审批', U.wuchang, j(N.seqInferred, '公开主体为地方副本原文', '公开对象、公开方式为源表明确勾选')],
    ['政府投资项目初步设计审批', U.wuchang, j(N.seqInferred, N.cutFrom('公开主体'))],
    ['企业投资项目备案', U.charity, j(N.fillCat, '繁体镜像，已转回简体', N.cutFrom('公开时限'))],
    ['建设项目用地(用海)预审', U.lingyuanMcp, j('源页面一级事项显示为“结果信息”（首字丢失），转录者改为“批准结果信息”', N.collapsed(2))],
    ['征收土地信息', U.lingyuanMcp, j('源页面一级事项显示为“收土地信息”（首字丢失），转录者改为“征收土地信息”', N.cutCell('公开渠道和载体'), N.noTick)],
    ['招标投标', U.zgul, j('繁体镜像，已转回简体', '源页面勾选标记显示为R/£，R按■读取', '公开依据“《招投公告和公示信息发布管理办法》”与公开时限“信息形成个20个工作日内”照源表（原文如此）', '公开对象、公开方式为源表明确勾选')],
    ['建筑工程施工许可证核发', U.furendq, j('公开渠道含广东地方副本增列的平台，照录', '公开对象、公开方式、公开层级为源表明确勾选（层级栏为县级/镇(街)级/乡(村)级）')],
    ['施工管理服务', U.furendq, j('公开渠道含广东地方副本增列的平台，照录', '公开对象、公开方式、公开层级为源表明确勾选（层级栏为县级/镇(街)级/乡(村)级）')],
    ['质量安全监督', U.furendq, j(N.cutCell('公开渠道和载体') + '（可见“■政府网站 ■投资项目在线审批监管平台 …”）')],
  ],
  'public-resource-trading': [
    ['审批核准信息', U.zsPrt, j(N.collapsed(2), `另一副本 ${U.jingyan} 明确勾选全社会、主动，未采用`)],
    ['资格预审公告', U.zsPrt, j(N.fillCat, N.collapsed(2))],
    ['招标公告', U.zsPrt, j(N.fillCat, N.namesOnly('公开内容'))],
  ],
  'fiscal-budget': [
    ['政府预算', U.dayong, j('公开内容由主单元格与其后的续行（政府性基金预算…；本级支出公开到…；“三公”经费…；没有数据的表格…）连接而成', N.noTick)],
    ['政府决算', U.dayong, j(N.namesOnly('公开内容'))],
    ['部门预算', U.chengguan, j('源表编号为1', '繁体镜像，已转回简体', N.cutCell('公开内容'), '公开时限与公开主体为地方副本原文', '公开对象、公开方式、公开层级为源表明确勾选')],
    ['部门决算', U.rushan, j('源表编号为8', '公开内容始于翻页版前一页，未取得，留空', '公开依据中“<地方预决算公开操作规程的通知>”照源表', N.collapsed(3))],
  ],
  'work-safety': [
    ['法律法规', U.xjbzSafety, '公开对象、公开方式、公开层级为源表明确勾选'],
    ['部门和地方规章', U.xjbzSafety, '公开对象、公开方式、公开层级为源表明确勾选'],
    ['其他政策文件', U.xjbzSafety, '公开对象、公开方式、公开层级为源表明确勾选'],
    ['标准', U.xjbzSafety, '公开对象、公开方式、公开层级为源表明确勾选'],
    ['重大决策草案', U.xjbzSafety, '公开对象、公开方式、公开层级为源表明确勾选'],
    ['重要会议', U.xingguoSafety, j(N.seqInferred + '（兴国乡镇副本编号为5，因该副本无“标准”一行）', '繁体镜像，已转回简体', '公开对象、公开方式、公开层级为源表明确勾选（特定群众记为特定群体；该副本仅有乡级）')],
    ['重大政策解读', U.shawan, j(N.fillCat, '与重大决策草案、重要会议的先后关系未知', N.localSubject)],
    ['行政许可', U.shawan, j(N.localSubject)],
    ['行政处罚', U.shawan, j(N.fillCat, N.localSubject)],
    ['行政强制', U.shawan, j(N.fillCat, N.cutFrom('公开依据'))],
  ],
  'disaster-relief': [
    ['法律法规', U.guzhen, j('古镇镇页面的第三方镜像', N.noTick)],
    ['部门和地方规章', U.guzhen, j(N.fillCat, N.noTick)],
    ['其他政策文件', U.guzhen, j(N.fillCat, N.noTick)],
    ['重大决策草案', U.guzhen, j(N.fillCat, N.noTick)],
    ['重大政策解读及回应', U.guzhen, j(N.fillCat, '公开内容中“相关热点问题的解读及回应”在源表为续行，以“；”连接', N.noTick)],
    ['重要会议', U.guzhen, j(N.fillCat, N.namesOnly('公开内容'))],
  ],
  'tax-administration': [
    ['税收法律法规', U.xjbzTax, j('公开依据中“〔2017〕”的“〕”源页面缺失，转录者补回', N.noTick)],
    ['税收规范性文件', U.xjbzTax, j('公开依据中“〔2017〕”的“〕”源页面缺失，转录者补回', N.noTick)],
    ['纳税人权利', U.xjbzTax, N.noTick],
    ['纳税人义务', U.xjbzTax, N.noTick],
    ['A级纳税人名单', U.xjbzTax, N.cutFrom('公开依据')],
    ['涉税专业服务相关信息', U.fsxfTax, j(N.seqAsSource, '一级事项按合并单元格推定向下填充', N.namesOnly('公开内容'))],
  ],
  'housing-expropriation': [
    ['1.1国家层面法规政策', U.yngm, j(N.collapsed(3))],
    ['2.1社会稳定风险评估', U.yngm, j('公开对象据特定群体栏中的“申请人”记为特定群体，另有2个√所在列无法确定')],
    ['2.2房屋征收决定', U.yngm, j('序号与一级事项为源表合并单元格（序号2涵盖2.1、2.2），向下填充', N.cutCell('公开渠道和载体'))],
    ['地方层面法规政策', U.virginia, j('源表编号为2', '繁体镜像，已转回简体')],
    ['启动要件', U.virginia, j('源表编号为3', '繁体镜像，已转回简体', '公开渠道“■其他_”写作“其他”', '公开对象据特定群众栏中的“申请人”记为特定群体')],
    ['房屋调查登记', U.virginia, j('源表编号为5', '繁体镜像，已转回简体', N.cutFrom('公开依据'))],
    ['分户补偿', U.hehua, j('源表编号为3', N.cutFrom('公开时限'))],
  ],
  'affordable-housing': [
    ['法律法规', U.jmsqyfw, '公开对象、公开方式、公开层级为源表明确勾选'],
    ['政策文件', U.jmsqyfw, N.namesOnly('公开内容')],
    ['决策前预公开', U.lingyuanAh, j(N.seqAsSource, N.noTick)],
    ['决策会议公开', U.lingyuanAh, j(N.seqAsSource, N.fillCat, '公开依据、公开时限、公开主体、公开渠道在各副本中均未单独出现，可能与第3行合并，因不确定而留空', N.noTick)],
    ['决策结果公开', U.lingyuanAh, j(N.seqAsSource, N.fillCat, '公开依据、公开时限、公开主体、公开渠道在各副本中均未单独出现，可能与第3行合并，因不确定而留空', N.noTick)],
    ['中长期规划', U.daojiao, j(from('序号', U.lingyuanAh) + '（凌源副本该行内容被截断，公开内容取自道滘镇副本镜像）', N.cutFrom('公开依据'), N.noTick)],
  ],
  'rural-dilapidated-housing': [
    ['农村危房改造相关文件', U.xjwqx, '公开渠道“一微一端”照源表；公开对象、公开方式、公开层级为源表明确勾选（层级栏为“州级县级”“乡、村级”，前者填文字）'],
    ['本级政策解读(具体规定)', U.xjwqx, '公开渠道“一微一端”照源表；公开对象、公开方式、公开层级为源表明确勾选（层级栏为“州级县级”“乡、村级”，前者填文字）'],
    ['任务分配', U.xjwqx, '公开渠道“一微一端”照源表；公开对象、公开方式、公开层级为源表明确勾选（层级栏为“州级县级”“乡、村级”，前者填文字）'],
    ['农村危房等级评定标准', U.xjwqx, N.cutFrom('公开依据')],
    ['上级政策解读', U.jiuyuanRdh, j('源表编号为2', '繁体镜像，已转回简体', N.localSubject, N.collapsed(3))],
    ['组织培训', U.jiuyuanRdh, j('源表编号为4', '繁体镜像，已转回简体', N.cutFrom('公开依据'))],
    ['农村危房改造对象申请条件', U.duodao, j('源表编号为2', '公开主体和公开渠道为地方副本原文')],
    ['农村危房改造资金补助标准', U.xiaxian, j('源表编号为5', '公开依据在源表中即为空', '公开时限末尾“;”照源表', '公开对象、公开方式、公开层级为源表明确勾选')],
    ['农村危房改造竣工合格标准', U.xiaxian, j('源表编号为6', N.namesOnly('公开内容'))],
  ],
  'urban-law-enforcement': [
    ['损坏城市树木花草', U.abg, N.collapsed(4)],
    ['擅自砍伐城市树木', U.abg, N.collapsed(4)],
    ['砍伐、擅自迁移古树名木或者因养护不善致使古树名木受到损伤或者死亡', U.abg, N.namesOnly('公开内容')],
    ['随地吐痰、便溺,乱扔果皮、纸屑和烟头等废弃物', U.xihuUle, j('公开主体源页面末尾残缺（“…相关行政主管部”），转录者补为标准写法', '公开时限末尾无“。”照源表', '公开渠道为源表纯文本', N.noTick)],
    ['在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等', U.xihuUle, j('公开主体源页面末尾残缺（“…相关行政主管部”），转录者补为标准写法', '公开时限末尾无“。”照源表', '公开渠道为源表纯文本', N.noTick)],
    ['在村庄、集镇规划区内,未按规划审批程序批准或者违反规划的规定进行建设,严重影响村庄、集镇规划', U.henglan, N.noTick],
    ['未按设计图纸施工或者擅自修改设计图纸', U.henglan, j(N.fillCat, N.noTick)],
    ['未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设', U.henglan, j(N.fillCat, N.cutFrom('公开依据'))],
    ['擅自使用未经验收或者验收不合格的城市道路', U.szmaolu, j('繁体镜像，已转回简体', '该页面多行单元格只显示首行，公开内容、公开时限、公开渠道按截断处理留空', N.collapsed(4))],
    ['未对设在城市道路上的各种管线的检查井、箱盖或者城市道路附属设施的缺损及时补缺或者修复', U.szmaolu, j('繁体镜像，已转回简体', '该页面多行单元格只显示首行，公开内容、公开时限、公开渠道按截断处理留空', N.collapsed(4))],
    ['未在城市道路施工现场设置明显标志和安全防围设施', U.szmaolu, j('繁体镜像，已转回简体', '该页面多行单元格只显示首行，公开内容、公开时限、公开渠道按截断处理留空', N.collapsed(4))],
    ['占用城市道路期满或者挖掘城市道路后,不及时清理现场', U.szmaolu, j('繁体镜像，已转回简体', '该页面多行单元格只显示首行，公开内容、公开时限、公开渠道按截断处理留空', N.collapsed(4))],
    ['依附于城市道路建设各种管线、杆线等设施,不按照规定办理批准手续', U.szmaolu, j('繁体镜像，已转回简体', '该页面多行单元格只显示首行，公开内容、公开时限、公开渠道按截断处理留空', N.cutCell('公开主体'), N.collapsed(4))],
    ['未取得燃气经营许可证从事燃气经营活动', U.shixing, j(N.seqAsSource + '（该页从第31行开始；是否等于全国编号未确认）', '公开对象、公开方式、公开层级为源表明确勾选')],
    ['燃气经营者不按照燃气经营许可证的规定从事燃气经营活动', U.shixing, j(N.seqAsSource, '公开对象、公开方式、公开层级为源表明确勾选')],
    ['燃气经营者拒绝向市政燃气管网覆盖范围内符合用气条件的单位或者个人供气', U.shixing, j(N.seqAsSource, '公开对象、公开方式、公开层级为源表明确勾选')],
  ],
  'municipal-services': [
    ['燃气经营许可证核发', U.dongpo, j('东坡区页面的第三方镜像', N.noTick)],
    ['燃气经营者改动市政燃气设施审批', U.dongpo, j(N.fillCat, '公开渠道和载体按合并单元格推定向下填充', N.noTick)],
    ['占用、挖掘城市道路审批', U.dongpo, j('公开依据《城镇燃气管理条例》照源表（疑为县级副本之误）', N.noTick)],
    ['依附城市道路建设各种管线及城市桥梁上架设各类市政管线审批', U.dongpo, j(N.fillCat, '公开渠道和载体按合并单元格推定向下填充', '公开依据《城镇燃气管理条例》照源表（疑为县级副本之误）', N.noTick)],
    ['特殊车辆在城市道路上行驶', U.dongpo, j(N.fillCat, '公开渠道和载体按合并单元格推定向下填充', '公开依据《城镇燃气管理条例》照源表（疑为县级副本之误）', N.noTick)],
    ['城市园林绿化行政审批', U.dongpo, N.cutFrom('公开依据') + '（镜像页在此处插入了垃圾文字）'],
  ],
  'environmental-protection': [
    ['建设项目环境影响评价文件审批', U.heyuan, j(`公开对象、公开方式据 ${U.regpowell} 与 ${U.wenshan} 中明确的勾选位置`)],
    ['防治污染设施拆除或闲置审批', U.heyuan, j(`公开对象、公开方式据 ${U.regpowell} 与 ${U.wenshan} 中明确的勾选位置`)],
    ['危险废物经营许可证', U.heyuan, j(`公开依据末尾（…审批工作的通知》）据 ${U.regpowell} 补全`, `公开对象、公开方式据 ${U.regpowell} 与 ${U.wenshan} 中明确的勾选位置`)],
    ['行政处罚流程', U.wujiang, j('源表编号为1', N.seqInferred + `（${U.regpowell} 将行政处罚流程列为第4行）`, '公开依据、公开时限、公开主体在源表中为流程/决定两行的合并单元格')],
    ['行政处罚决定', U.wujiang, j('源表编号为2', N.seqInferred, '公开依据、公开时限、公开主体在源表中为流程/决定两行的合并单元格')],
    ['行政强制流程', U.wujiang, j('源表编号为3', N.seqInferred, '公开依据、公开时限、公开主体在源表中为流程/决定两行的合并单元格')],
    ['行政强制决定', U.wujiang, j('源表编号为4', N.seqInferred, N.cutCell('公开时限'))],
    ['生态建设', U.youhaodoor, '广东乡镇副本的镜像'],
    ['生态环境保护政策与业务咨询', U.youhaodoor, '广东乡镇副本的镜像'],
  ],
  'public-culture': [
    ['公共文化机构免费开放信息', U.changning, j('序号为昌宁乡镇副本公共服务子集的编号，可能与全国编号不符', from('一级事项“公共服务”另', U.yijiuCulture) + '确认', '公开渠道源表作“1.政府网站; 2.其他”', `公开对象、公开方式据 ${U.yijiuCulture} 及兴国县副本中明确的勾选位置`)],
    ['特殊群体公共文化服务信息', U.changning, j('序号为昌宁乡镇副本公共服务子集的编号，可能与全国编号不符', from('一级事项“公共服务”另', U.yijiuCulture) + '确认', '公开渠道源表作“1.政府网站; 2.其他”', `公开对象、公开方式据 ${U.yijiuCulture} 及兴国县副本中明确的勾选位置`)],
    ['组织开展群众文化活动', U.changning, j('序号为昌宁乡镇副本公共服务子集的编号，可能与全国编号不符', '公开渠道源表作“1.政府网站; 2.其他”', `公开对象、公开方式据 ${U.yijiuCulture} 及兴国县副本中明确的勾选位置`)],
    ['下基层辅导、演出、展览和指导基层群众文化活动', U.changning, j('序号为昌宁乡镇副本公共服务子集的编号，可能与全国编号不符', N.cutFrom('公开依据'))],
    ['举办各类展览、讲座信息', U.xingguoCulture, j('序号据兴国县副本（该页显示“5 举办各类展览、讲…”）', `另见湛江霞山区副本镜像 ${U.xiashanCulture}`, '仅有事项名称')],
    ['辅导和培训基层文化骨干', U.xiashanCulture, j('湛江霞山区副本的镜像', '仅有事项名称')],
    ['互联网上网服务营业场所经营许可', U.arguswt, j('浙江某县页面的镜像', '在全国表中的位置未知', '公开主体为地方机构（行政审批服务局），留空')],
    ['文艺表演团体设立审批', U.arguswt, j('浙江某县页面的镜像', '在全国表中的位置未知', '公开内容“内容同上”照源表', '公开主体为地方机构，留空')],
    ['营业性演出审批', U.arguswt, j('浙江某县页面的镜像', '在全国表中的位置未知', '公开内容“内容同上”照源表', '公开主体为地方机构，留空')],
  ],
  'public-legal-services': [
    ['法律知识普及服务、法律法规和案例检索服务', U.meixian, '源页面本行重复出现“法治宣传教育”（合并单元格）；二级事项照源表写法'],
    ['推广法治文化服务', U.meixian, '公开依据和公开渠道在源表作“同上”，展开为第1行原文'],
    ['对在法治宣传教育工作中作出显著成绩的单位和个人进行表彰奖励', U.meixian, '公开依据和公开渠道在源表作“同上”，展开为第1行原文'],
    ['对没有取得律师执业证书以律师名义从事法律业务行为的处罚', U.meixian, '公开依据和公开渠道在源表作“同上”，展开为第1行原文'],
    ['法律援助服务', U.meixian, N.cutFrom('公开依据') + '（可见“《法律援…”）'],
  ],
  'poverty-alleviation': [
    ['行政法规、规章', U.nanjiang, `公开对象、公开方式、公开层级据 ${U.secondsilicon} 中明确的勾选位置（层级栏为县级/乡、村级）`],
    ['规范性文件', U.nanjiang, `公开对象、公开方式、公开层级据 ${U.secondsilicon} 中明确的勾选位置（层级栏为县级/乡、村级）`],
    ['其他政策文件', U.nanjiang, `公开对象、公开方式、公开层级据 ${U.secondsilicon} 中明确的勾选位置（层级栏为县级/乡、村级）`],
    ['贫困人口识别', U.tuwife, j('乡镇副本的镜像', `另见 ${U.secondsilicon}`, '各副本公开主体不一，留空', '公开对象、公开方式为该页明确勾选')],
    ['贫困人口退出', U.southwest, j('广东某区页面的镜像', '公开依据和公开渠道取自该页')],
    ['财政专项扶贫资金分配结果', U.wuchuan, j('吴川市页面的镜像', '该页版式只显示公开内容的第一项')],
  ],
  'social-assistance': [
    ['政策法规文件', U.xaodauto, j('未识别县级门户的繁体镜像，已转回简体', '与宝坻、大竹、石城、德钦副本核对')],
    ['监督检查', U.xaodauto, j('未识别县级门户的繁体镜像，已转回简体', '与宝坻、大竹、石城、德钦副本核对')],
    ['政策法规文件', U.xaodauto, j('未识别县级门户的繁体镜像，已转回简体', '与宝坻、大竹、石城、德钦副本核对')],
    ['办事指南', U.xaodauto, j('未识别县级门户的繁体镜像，已转回简体', '与宝坻、大竹、石城、德钦副本核对')],
    ['审核信息', U.baodi, j(`公开内容另见大竹 ${U.dazhu}`, `公开时限和公开渠道据乡镇副本 ${U.mdx}`)],
    ['审批信息', U.dean, null],
    ['政策法规文件', U.shanghai, '上海分事项页面；其公开依据和公开主体为上海专用，留空'],
    ['办事指南', U.dean, null],
    ['审核信息', U.mdx, '仅公开内容取自该乡镇副本'],
    ['政策法规文件', U.daocheng, '该页从第11行开始'],
    ['办事指南', U.daocheng, null],
    ['审核审批信息', U.daocheng, N.cutCell('公开渠道和载体')],
  ],
  'elderly-care': [
    ['国家和地方层面养老服务相关法律、法规、政策文件', U.yunyang, j(`奉节副本相同 ${U.fengjieElder}`, '公开渠道“政府服务中心”照源表', `公开对象、公开方式、公开层级据 ${U.yijiuElder} 中明确的勾选位置`)],
    ['养老服务扶持政策措施清单', U.yunyang, j(`奉节副本相同 ${U.fengjieElder}`, '公开渠道“政府服务中心”照源表', `公开对象、公开方式、公开层级据 ${U.yijiuElder} 中明确的勾选位置`)],
    ['养老机构投资指南', U.yunyang, j(`奉节副本相同 ${U.fengjieElder}`, '公开渠道“政府服务中心”照源表', `公开对象、公开方式、公开层级据 ${U.yijiuElder} 中明确的勾选位置`)],
    ['养老机构备案', U.funing, j(`公开内容据富宁与沂源 ${U.yiyuan} 副本`, `公开主体和公开渠道据合阳县 ${U.heyang}`, `公开对象、公开方式、公开层级据海丰县副本镜像 ${U.haifeng}`)],
    ['养老服务扶持补贴', U.funing, `沂源副本相同 ${U.yiyuan}`],
    ['老年人补贴', U.xiashanElder, '湛江霞山区副本的镜像'],
    ['养老机构备案信息', U.hellobeijing, j('汕头页面的垃圾镜像', '公开主体被垃圾文字覆盖，留空', '公开内容“已备案养老机构案数量”照源表')],
    ['养老机构评估信息', U.hellobeijing, j('汕头页面的垃圾镜像', '公开主体被垃圾文字覆盖，留空')],
  ],
  'food-drug-regulation': [
    ['食品生产经营许可服务指南', U.kf10000, j('四川某县页面的镜像', `公开对象、公开方式、公开层级据通海县 ${U.tonghai} 中明确的勾选位置`, `公开渠道据九原区 ${U.jiuyuanFood}`)],
    ['食品生产经营许可基本信息', U.kf10000, j('四川某县页面的镜像', `公开对象、公开方式、公开层级据通海县 ${U.tonghai} 中明确的勾选位置`, `公开渠道据九原区 ${U.jiuyuanFood}`)],
    ['药品零售许可服务指南', U.woodbox, j(`另见德兴市 ${U.dexing}`, '公开依据在源表作“同上”，展开为第1行原文')],
    ['药品零售许可企业基本信息', U.woodbox, j(`另见德兴市 ${U.dexing}`, '公开依据在源表作“同上”，展开为第1行原文')],
    ['食品生产经营监督检查', U.dexing, j('序号据德兴市副本', `公开依据据荷塘区 ${U.hetang}`, `公开渠道据建平县页面的垃圾镜像 ${U.jianping}（“关于”“企业”被替换的文字已还原）`)],
    ['特殊食品生产经营监督检查', U.jianping, j(N.seqInferred + '（东莞、建平副本的共同顺序）', '建平县页面的垃圾镜像，被替换的“关于”“企业”已还原')],
    ['由县级组织的食品安全抽检', U.dongguanFood, j(N.seqInferred + '（东莞、建平副本的共同顺序）', '东莞副本的镜像，公开内容取自该页')],
    ['药品零售/医疗器械经营监督检查', U.dongguanFood, j(N.seqInferred + '（东莞、建平副本的共同顺序）', '东莞副本的镜像，公开内容取自该页')],
    ['食品生产经营行政处罚', U.fuliangFood, '浮梁县臧湾乡副本'],
  ],
  'employment': [
    ['就业政策法规咨询', U.tengchongJob, j(`另据合川区双槐镇 ${U.shuanghuai}`, '事项名称前的编号（1.、1.1）已去除', '公开内容第7项在腾冲副本中乱码，据双槐镇副本', '各副本公开主体不一，留空', '源表有4个√但所在列无法确定，公开对象、公开方式、公开层级留空')],
    ['岗位信息发布', U.tengchongJob, j(`另据合川区双槐镇 ${U.shuanghuai}`, '事项名称前的编号已去除', '公开依据第3项在两个副本中均被截断，因可见部分与第1行一致，取第1行原文', '各副本公开主体不一，留空', '源表有4个√但所在列无法确定，公开对象、公开方式、公开层级留空')],
    ['求职信息登记', U.honghaiwan, j('一级事项未知', '各副本公开主体不一，留空')],
    ['职业培训信息发布', U.lingyuanJob, j('凌源市副本的繁体镜像，已转回简体', '在全国表中的位置未知（凌源副本列于就业信息服务首行，与腾冲副本不一致）', '公开依据为地方文件、公开主体为地方机构，均留空', '公开内容“招生指南”与公开时限“长期”照源表，疑为地方写法', N.collapsed(4))],
  ],
  'social-insurance': [
    ['机关事业单位社会保险登记', U.zbjkq, null],
    ['工程建设项目办理工伤保险参保登记', U.zbjkq, null],
    ['参保单位注销', U.zbjkq, `公开依据末尾另经赛罕区 ${U.saihan} 与广水市 ${U.guangshui} 确认`],
    ['职工参保登记', U.saihan, j('源表编号为3（合并单元格）', N.seqInferred + `（与多伦县副本及镜像页核对）`)],
    ['城乡居民养老保险参保登记', U.saihan, j('源表编号为4', N.seqInferred)],
    ['单位(项目)基本信息变更', U.saihan, j('源表编号为5', N.seqInferred)],
    ['个人基本信息变更', U.pingwuIns, j('平武县乡镇副本', N.seqInferred, '公开对象、公开方式在源表中为文字')],
    ['养老保险待遇发放账户维护申请', U.pingwuIns, j('平武县乡镇副本', N.seqInferred, '公开对象、公开方式在源表中为文字')],
  ],
  'household-registration': [
    ['出生登记', U.tez, j('源表公开渠道另列“山东政务服务网”，作为地方增补未录', `公开渠道和公开主体与互助县 http://www.huzhu.gov.cn/info/1183/44994.htm 及蓬莱派出所副本 ${U.penglai} 一致`)],
    ['收养登记', U.tez, null],
    ['死亡注销', U.tez, null],
    ['服现役注销', U.tez, null],
    ['迁出、迁入登记', U.tez, null],
    ['姓名变更、更正', U.tez, j('该页一级事项被截断为“户口登记项目…”', `二级事项与公开内容开头据蓬莱派出所副本 ${U.penglai}`)],
    ['居住证换、补领', U.datonghu, j('大通湖区分事项页面（居住证换、补领申请指南）', '该页“公开具体内容”为办事指南而非目录要素，公开内容留空', '公开主体为地方机构（大通湖公安分局），留空', '该页未显示公开对象', '公开方式、公开层级取自该页基本信息栏')],
  ],
  'agricultural-subsidies': [
    ['农机购置补贴', U.sdsshdjx, j('四川某县页面的镜像', '公开依据保留全国模板占位写法《XX省农机购置补贴实施方案》', `公开对象、公开方式、公开层级据昆山 ${U.kunshan} 中明确的勾选位置`)],
    ['耕地地力保护', U.tieli, '方山县副本相同'],
    ['新型职业农民培育', U.fangshan, `序号按奉新县页面镜像 ${U.fengxin} 的顺序`],
    ['支持新型农业经营主体', U.fangshan, `序号按奉新县页面镜像 ${U.fengxin} 的顺序`],
    ['强制扑杀、强制免疫和养殖环节无害化处理补助', U.liuzhou, j('2022年广西目录', `序号按奉新县页面镜像 ${U.fengxin} 的顺序`, '公开依据含一件广西地方文件')],
  ],
  'compulsory-education': [
    ['规范性文件', U.minzhong, j('中山市民众镇副本的镜像', '公开对象、公开方式为源表明确勾选')],
    ['教育事业发展主要情况', U.yanzhou, j('公开依据取自兖州区副本（部分遮蔽），删去了末尾重复的一个标题', '本行其他单元格的出处 SOURCES 未单独注明')],
    ['教育统计数据', U.dongyang, j('东阳市副本的垃圾镜像，仅公开内容一栏取自该页', '本行其他单元格的出处 SOURCES 未单独注明')],
    ['义务教育学校名录', U.minzhong, j('中山市民众镇副本的镜像', '公开对象、公开方式为源表明确勾选')],
    ['民办学校办学基本信息', U.minzhong, j('中山市民众镇副本的镜像', '公开对象、公开方式为源表明确勾选')],
    ['民办教育机构设立、变更、终止等事项行政审批、备案信息', U.pmmsap, j('县级页面的垃圾镜像', '“民办教育机构”或为2021年后对“民办学校”的改称')],
    ['日常监管信息', U.pmmsap, '县级页面的垃圾镜像'],
    ['招生政策', U.minzhong, j('中山市民众镇副本的镜像', '公开对象、公开方式为源表明确勾选')],
    ['招生计划', U.minzhong, j('中山市民众镇副本的镜像', '公开对象、公开方式为源表明确勾选')],
    ['招生范围', U.minzhong, '中山市民众镇副本的镜像'],
    ['学校介绍', U.shiyang, '大姚县石羊镇副本'],
    ['财务信息', U.shiyang, '大姚县石羊镇副本'],
    ['义务教育学生资助政策', U.shiyang, '大姚县石羊镇副本'],
  ],
  'health-care': [
    ['母婴保健技术服务机构执业许可(包括计划生育技术服务机构执业许可)(权限内)', U.tongdao, j(`公开依据据通道县，深圳龙华 ${U.longhua} 相同`, `公开主体据平阳县 ${U.pingyang} 与河津市页面镜像 ${U.hejin}`, '公开依据在源表为各子行共用的合并单元格')],
    ['母婴保健技术服务机构执业许可(包括计划生育技术服务机构执业许可)(权限内)', U.tongdao, j(`公开主体据平阳县 ${U.pingyang} 与河津市页面镜像 ${U.hejin}`, '公开依据在源表为各子行共用的合并单元格')],
    ['母婴保健技术服务机构执业许可(包括计划生育技术服务机构执业许可)(权限内)', U.tongdao, j(`公开主体据平阳县 ${U.pingyang} 与河津市页面镜像 ${U.hejin}`, '公开依据在源表为各子行共用的合并单元格')],
    ['母婴保健技术服务机构执业许可(包括计划生育技术服务机构执业许可)(权限内)', U.tongdao, j(`结果信息7个工作日的公开时限据 ${U.tchuan}`, '公开依据在源表为各子行共用的合并单元格')],
    ['母婴保健服务人员资格认定(包括计划生育技术服务人员合格证)(权限内)', U.tchuan, '该页第2行，可能为全国表的0102'],
    ['医疗机构执业登记(人体器官移植除外)(权限内)', U.sanjiao, '中山市三角镇副本；公开主体为本地化写法，留空'],
    ['医疗机构执业登记(人体器官移植除外)(权限内)', U.sanjiao, '中山市三角镇副本；公开主体为本地化写法，留空'],
    ['医疗机构执业登记(人体器官移植除外)(权限内)', U.sanjiao, '中山市三角镇副本；公开主体为本地化写法，留空'],
    ['医疗机构执业登记(人体器官移植除外)(权限内)', U.sanjiao, '中山市三角镇副本；公开主体为本地化写法，留空'],
    ['独生子女父母奖励', U.xilinhaote, '锡林浩特街道副本；一级事项名称未显示（仅有代码“05”）'],
    ['独生子女父母奖励', U.xilinhaote, '锡林浩特街道副本；一级事项名称未显示'],
    ['独生子女父母奖励', U.xilinhaote, '锡林浩特街道副本；一级事项名称未显示'],
    ['独生子女父母奖励', U.xilinhaote, '锡林浩特街道副本；一级事项名称未显示'],
    ['独生子女父母奖励', U.xilinhaote, '锡林浩特街道副本；一级事项名称未显示'],
    ['计划生育家庭特别扶助', U.xilinhaote, '锡林浩特街道副本；一级事项名称未显示'],
    ['预防接种', U.tongling, '铜陵市郊区副本，各要素在源表中列于同一单元格'],
    ['居民健康档案管理', U.tongling, '铜陵市郊区副本，各要素在源表中列于同一单元格'],
  ],
};

// ---------------------------------------------------------------------------
// Cells that are not values: masks and placeholders (mirrors src/model/blank.ts)
// ---------------------------------------------------------------------------

const PLACEHOLDER = /^(?:[-‐‑–—―─━_/\\~～.。…·•*＊×?？]+|无|暂无|略|空|空白|不详|N\/?A|null|none)$/i;
const MASK = /[*＊]{2,}/;

function unusable(cell) {
  const t = cell.trim();
  if (t === '') return null;
  if (PLACEHOLDER.test(t)) return 'a placeholder';
  if (MASK.test(t)) return 'masked';
  return null;
}

// ---------------------------------------------------------------------------
// CSV (RFC 4180)
// ---------------------------------------------------------------------------

function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        inQuotes = false; i += 1; continue;
      }
      field += c; i += 1; continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`CSV: quote inside unquoted field near offset ${i}`);
      inQuotes = true; i += 1; continue;
    }
    if (c === ',') { row.push(field); field = ''; i += 1; continue; }
    if (c === '\r' || c === '\n') {
      row.push(field); rows.push(row); row = []; field = '';
      if (c === '\r' && text[i + 1] === '\n') i += 2; else i += 1;
      continue;
    }
    field += c; i += 1;
  }
  if (inQuotes) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

// ---------------------------------------------------------------------------
// Channel vocabulary
// ---------------------------------------------------------------------------

/** Mirrors normalizeChannel() in src/load/channels.ts (width, spaces, 、／\\| → /, 【[ → (, 】] → )). */
function foldChannel(s) {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[、／\\|]/g, '/')
    .replace(/[【\[]/g, '(')
    .replace(/[】\]]/g, ')');
}

function loadVocab() {
  const doc = YAML.parse(fs.readFileSync(VOCAB_FILE, 'utf8'));
  const problems = [];
  const lookup = new Map(); // string -> canonical name
  const entries = new Map(); // canonical -> entry
  const claim = (s, canonical, what) => {
    if (typeof s !== 'string' || s.trim() === '' || s !== s.trim()) {
      problems.push(`词表：${canonical} 的${what}“${s}”为空或首尾有空白`);
      return;
    }
    const prev = lookup.get(s);
    if (prev !== undefined && prev !== canonical) {
      problems.push(`词表：“${s}”同时指向“${prev}”与“${canonical}”（歧义）`);
    } else if (prev === canonical) {
      problems.push(`词表：“${s}”在“${canonical}”下重复`);
    }
    lookup.set(s, canonical);
  };
  for (const e of doc.channels ?? []) {
    if (entries.has(e.name)) problems.push(`词表：规范名“${e.name}”重复`);
    entries.set(e.name, e);
  }
  // canonical names first so that an alias equal to another canonical name is caught
  for (const e of doc.channels ?? []) claim(e.name, e.name, '规范名');
  for (const e of doc.channels ?? []) {
    for (const a of e.aliases ?? []) claim(a, e.name, '别名');
    if (e.kind === 'platform' && !Array.isArray(e.domains)) {
      problems.push(`词表：平台“${e.name}”缺少 domains`);
    }
    for (const d of e.domains ?? []) {
      if (!DOMAINS.some(([id]) => id === d)) problems.push(`词表：“${e.name}”的领域“${d}”不存在`);
    }
  }
  // gk itself (src/load/channels.ts) matches channels after folding width,
  // spacing and separator variants; make sure that folding creates no ambiguity either.
  const folded = new Map();
  for (const [s, canonical] of lookup) {
    const k = foldChannel(s);
    const prev = folded.get(k);
    if (prev !== undefined && prev.canonical !== canonical) {
      problems.push(`词表：“${s}”与“${prev.s}”归一化后相同（${k}），却分别指向“${canonical}”与“${prev.canonical}”`);
    } else if (prev === undefined) folded.set(k, { s, canonical });
  }
  const unresolved = new Map();
  for (const u of doc.unresolved ?? []) {
    if (lookup.has(u.text)) problems.push(`词表：unresolved“${u.text}”已是规范名或别名`);
    unresolved.set(u.text, u);
  }
  return { lookup, entries, unresolved, problems };
}

// Split a 公开渠道和载体 cell. Primary separators are "；" and newlines. A piece
// that is not itself a known channel string is split further on "、", "/",
// "／", spaces, "和" or "或" — but only if every resulting piece is known
// (so "入户、现场" or "社区/企事业单位/村公示栏(电子屏)" are never torn apart,
// while a plain-text list like "政府公报、政府网站、…" is).
const SECONDARY_SEPS = ['、', '/', '／', ' ', '和', '或'];
function splitChannels(cell, vocab) {
  const known = (s) => vocab.lookup.has(s) || vocab.unresolved.has(s);
  const used = new Set();
  const resolve = (piece) => {
    if (known(piece)) return { ok: true, leaves: [piece] };
    for (const sep of SECONDARY_SEPS) {
      if (!piece.includes(sep)) continue;
      const subs = piece.split(sep).map((s) => s.trim()).filter(Boolean);
      if (subs.length < 2) continue;
      const parts = subs.map(resolve);
      if (parts.every((p) => p.ok)) {
        used.add(sep);
        return { ok: true, leaves: parts.flatMap((p) => p.leaves) };
      }
    }
    return { ok: false, leaves: [piece] };
  };
  const out = [];
  for (const raw of cell.split(/[；\n]/)) {
    const piece = raw.trim();
    if (!piece) continue;
    out.push(...resolve(piece).leaves);
  }
  return { channels: out, extraSeps: SECONDARY_SEPS.filter((sep) => used.has(sep)) };
}

// ---------------------------------------------------------------------------
// 公开依据 → documents
// ---------------------------------------------------------------------------

const OPEN_TO_CLOSE = {
  '《': '》', '〈': '〉', '<': '>', '(': ')', '（': '）', '[': ']',
  '【': '】', '〔': '〕', '﹝': '﹞', '“': '”', '‘': '’',
};
const BASIS_SEPS = new Set(['、', '；', ';', '，', ',', ' ', '\n']);
const ENUM_RE = /^\d{1,2}[.．、]/;

function splitBasis(cell) {
  if (!cell.includes('《')) return { entries: [cell], droppedTail: null };
  const entries = [];
  let buf = '';
  const stack = [];
  const flush = () => {
    let e = buf.trim().replace(/[。;；]+$/u, '').trim();
    if (e) entries.push(e);
    buf = '';
  };
  let i = 0;
  while (i < cell.length) {
    const c = cell[i];
    if (stack.length === 0) {
      // enumerator at the start of an entry ("1." "2、"), possibly right after a title
      const rest = cell.slice(i);
      const m = rest.match(ENUM_RE);
      if (m && (buf.trim() === '' || /[》)）]$/u.test(buf))) {
        flush();
        i += m[0].length;
        continue;
      }
      if (BASIS_SEPS.has(c)) { flush(); i += 1; continue; }
      if (c === '【') {
        // category prefix such as 【法律】: starts a new entry, prefix itself dropped
        flush();
        const end = cell.indexOf('】', i);
        if (end < 0) throw new Error(`unterminated 【 in basis: ${cell}`);
        i = end + 1;
        continue;
      }
      if (c === '《' && /[》)）]$/u.test(buf)) flush(); // 《A》《B》, 《A》(号)《B》
    }
    buf += c;
    if (stack.length && c === stack[stack.length - 1]) stack.pop();
    else if (OPEN_TO_CLOSE[c] && !(c === '<' && stack.length === 0)) stack.push(OPEN_TO_CLOSE[c]);
    i += 1;
  }
  if (stack.length) throw new Error(`unbalanced brackets (${stack.join('')}) in basis: ${cell}`);
  flush();
  // Drop a trailing generic tail ("等法律法规和文件规定", "等") when what remains are titles.
  let droppedTail = null;
  if (entries.length) {
    const last = entries[entries.length - 1];
    const m = last.match(/^(.*[》)）])(等[^《》]{0,20})$/u);
    if (m && m[1].includes('《') && entries.slice(0, -1).every((e) => e.includes('《'))) {
      entries[entries.length - 1] = m[1];
      droppedTail = m[2];
    }
  }
  return { entries, droppedTail };
}

// ---------------------------------------------------------------------------
// √ columns
// ---------------------------------------------------------------------------

function mapList(cell, table, col, ctx) {
  if (!cell) return undefined;
  const out = [];
  for (const raw of cell.split(/[；;]/)) {
    const v = raw.trim();
    if (!v) continue;
    const m = table[v];
    if (!m) throw new Error(`${ctx}: unknown ${col} value “${v}”`);
    if (!out.includes(m)) out.push(m);
  }
  return out;
}
const AUDIENCE = { 全社会: '全社会', 特定群体: '特定群体', 特定群众: '特定群体' };
const MODE = { 主动: '主动', 主动公开: '主动', 依申请: '依申请', 依申请公开: '依申请' };
const LEVEL_ORDER = ['县级', '乡级', '村级'];

function normaliseLevel(token) {
  const t = token.trim();
  if (t.startsWith('县')) return '县级';
  if (/[乡镇]|街道|街/u.test(t)) return '乡级';
  if (/^村(级)?$/u.test(t)) return '村级';
  return null; // 市级, 州级, …
}
function levelsOf(cell) {
  if (!cell) return {};
  const set = new Set();
  for (const tok of cell.split(/[；;]/)) {
    if (!tok.trim()) continue;
    const l = normaliseLevel(tok);
    if (l) set.add(l);
  }
  const levels = LEVEL_ORDER.filter((l) => set.has(l));
  const res = {};
  if (levels.length) res.levels = levels;
  if (levels.join('；') !== cell) res.levelsAsWritten = cell;
  return res;
}

// ---------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Ids of rows without a 序号: pinned, so an id keeps its item across regenerations. They were first numbered
// x<row> by position; when a row is removed (rural-dilapidated-housing's blank row 3) the rows after it keep
// their ids. A new unnumbered row needs a pin here (the script names the next free one); an id is never reused.
// ---------------------------------------------------------------------------

const UNNUMBERED_IDS = {
  'compulsory-education': {
    '民办教育机构设立、变更、终止等事项行政审批、备案信息': 'x6',
    '日常监管信息': 'x7',
    '学校介绍': 'x11',
    '财务信息': 'x12',
    '义务教育学生资助政策': 'x13',
  },
  'elderly-care': {
    '养老机构备案信息': 'x7',
    '养老机构评估信息': 'x8',
  },
  employment: {
    '职业培训信息发布': 'x4',
  },
  'environmental-protection': {
    '生态建设': 'x8',
    '生态环境保护政策与业务咨询': 'x9',
  },
  'fiscal-budget': {
    '部门预算': 'x3',
    '部门决算': 'x4',
  },
  'food-drug-regulation': {
    '食品生产经营行政处罚': 'x9',
  },
  'health-care': {
    '母婴保健服务人员资格认定(包括计划生育技术服务人员合格证)(权限内)': 'x5',
    '预防接种': 'x16',
    '居民健康档案管理': 'x17',
  },
  'household-registration': {
    '居住证换、补领': 'x7',
  },
  'housing-expropriation': {
    '地方层面法规政策': 'x4',
    '启动要件': 'x5',
    '房屋调查登记': 'x6',
    '分户补偿': 'x7',
  },
  'land-expropriation': {
    '征地管理政策': 'x3',
    '拟征收土地告知': 'x4',
    '拟征收土地现状调查': 'x5',
    '征地补偿安置方案听证': 'x6',
  },
  'major-construction-projects': {
    '企业投资项目备案': 'x7',
    '建设项目用地(用海)预审': 'x8',
    '征收土地信息': 'x9',
    '招标投标': 'x10',
    '建筑工程施工许可证核发': 'x11',
    '施工管理服务': 'x12',
    '质量安全监督': 'x13',
  },
  'public-culture': {
    '辅导和培训基层文化骨干': 'x6',
    '互联网上网服务营业场所经营许可': 'x7',
    '文艺表演团体设立审批': 'x8',
    '营业性演出审批': 'x9',
  },
  'rural-dilapidated-housing': {
    '上级政策解读': 'x6',
    '组织培训': 'x7',
    '农村危房改造对象申请条件': 'x8',
    '农村危房改造资金补助标准': 'x9',
    '农村危房改造竣工合格标准': 'x10',
  },
  'urban-law-enforcement': {
    '随地吐痰、便溺,乱扔果皮、纸屑和烟头等废弃物': 'x4',
    '在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等': 'x5',
    '在村庄、集镇规划区内,未按规划审批程序批准或者违反规划的规定进行建设,严重影响村庄、集镇规划': 'x6',
    '未按设计图纸施工或者擅自修改设计图纸': 'x7',
    '未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设': 'x8',
    '擅自使用未经验收或者验收不合格的城市道路': 'x9',
    '未对设在城市道路上的各种管线的检查井、箱盖或者城市道路附属设施的缺损及时补缺或者修复': 'x10',
    '未在城市道路施工现场设置明显标志和安全防围设施': 'x11',
    '占用城市道路期满或者挖掘城市道路后,不及时清理现场': 'x12',
    '依附于城市道路建设各种管线、杆线等设施,不按照规定办理批准手续': 'x13',
  },
  'work-safety': {
    '重大政策解读': 'x7',
    '行政许可': 'x8',
    '行政处罚': 'x9',
    '行政强制': 'x10',
  },
};

const COLS = {
  seq: 0, category: 1, name: 2, content: 3, basis: 4, deadline: 5,
  subject: 6, channels: 7, audience: 8, mode: 9, levels: 10,
};

function buildDomain(domain, zhName, rows, vocab) {
  const prov = PROVENANCE[domain];
  if (!prov) throw new Error(`no provenance for ${domain}`);
  if (prov.length !== rows.length) {
    throw new Error(`${domain}: CSV has ${rows.length} rows, provenance table has ${prov.length}`);
  }
  const seqCount = new Map();
  for (const r of rows) if (r[COLS.seq]) seqCount.set(r[COLS.seq], (seqCount.get(r[COLS.seq]) ?? 0) + 1);
  const seqSeen = new Map();
  const ids = new Set();
  const items = [];
  const channelUse = []; // [string, domain]
  rows.forEach((r, idx) => {
    const rowNo = idx + 1;
    const ctx = `${domain}.csv row ${rowNo}`;
    const [expectName, source, handNote] = prov[idx];
    if (r[COLS.name] !== expectName) {
      throw new Error(`${ctx}: 二级事项 “${r[COLS.name]}” does not match provenance “${expectName}”`);
    }
    const notes = [];
    const seq = r[COLS.seq];
    let id;
    if (!seq) {
      const key = r[COLS.name] || r[COLS.category];
      const pinned = UNNUMBERED_IDS[domain]?.[key];
      if (!pinned) {
        const used = Object.values(UNNUMBERED_IDS[domain] ?? {}).map((x) => Number(x.slice(1)));
        throw new Error(`${ctx}: “${key}” has no 序号 and no pinned id; add '${key}': 'x${Math.max(rowNo, ...used.map((n) => n + 1))}' to UNNUMBERED_IDS.${domain}`);
      }
      id = `${domain}/${pinned}`;
      notes.push('序号未知，编号为本表自拟');
    } else {
      const k = (seqSeen.get(seq) ?? 0) + 1;
      seqSeen.set(seq, k);
      id = k === 1 ? `${domain}/${seq}` : `${domain}/${seq}-${k}`;
      if (seqCount.get(seq) > 1) {
        notes.push(k === 1
          ? `序号“${seq}”在本表中出现${seqCount.get(seq)}次，本行为第1次`
          : `序号“${seq}”在本表中重复，本行为第${k}次，编号加后缀“-${k}”`);
      }
    }
    if (ids.has(id)) throw new Error(`${ctx}: duplicate id ${id}`);
    ids.add(id);
    if (handNote) notes.push(handNote);

    HEADER.forEach((h, ci) => {
      const problem = unusable(r[ci]);
      if (problem) throw new Error(`${ctx}: ${h} “${r[ci]}” is ${problem}; an unknown cell is empty in the CSV`);
    });
    if (!r[COLS.name] && !r[COLS.category]) throw new Error(`${ctx}: neither 二级事项 nor 一级事项; a blank row is not an item`);

    const item = { id };
    let basisTail = null;
    if (seq) item.seq = seq;
    if (r[COLS.category]) item.category = r[COLS.category];
    // An item without 二级事项 is named by its 一级事项.
    item.name = r[COLS.name] || r[COLS.category];
    if (r[COLS.content]) item.content = r[COLS.content];
    if (r[COLS.basis]) {
      const { entries, droppedTail } = splitBasis(r[COLS.basis]);
      item.basis = entries;
      if (droppedTail) basisTail = droppedTail;
    }
    if (r[COLS.deadline]) item.deadline = r[COLS.deadline];
    if (r[COLS.subject]) item.subject = r[COLS.subject];
    if (r[COLS.channels]) {
      const { channels, extraSeps } = splitChannels(r[COLS.channels], vocab);
      item.channels = channels;
      for (const c of channels) channelUse.push([c, domain, id]);
      if (extraSeps.length) {
        notes.push(`公开渠道和载体原文为“${r[COLS.channels]}”，按${extraSeps.map((s) => (s === ' ' ? '空格' : `“${s}”`)).join('、')}拆分`);
      }
    }
    const audience = mapList(r[COLS.audience], AUDIENCE, '公开对象', ctx);
    if (audience?.length) item.audience = audience;
    const mode = mapList(r[COLS.mode], MODE, '公开方式', ctx);
    if (mode?.length) item.mode = mode;
    Object.assign(item, levelsOf(r[COLS.levels]));
    item.source = source;

    if (basisTail) notes.push(`公开依据原文末尾另有“${basisTail}”，未列为文件`);
    // cells ending with "…" are truncated (SOURCES-2 convention: the "…" is not official text)
    const truncated = [];
    HEADER.forEach((h, ci) => { if (r[ci].endsWith('…')) truncated.push(h); });
    if (truncated.length) {
      notes.push(`${truncated.join('、')}在源页面中被截断，末尾“…”为转录标记，非原文`);
    }
    if (notes.length) item.note = notes.join('；');
    items.push(item);
  });
  return { items, channelUse };
}

const YAML_OPTS = { lineWidth: 0, flowCollectionPadding: false };

function flowSeq(doc, arr) {
  const node = doc.createNode(arr);
  node.flow = true;
  return node;
}

function renderDomain(domain, zhName, items) {
  const doc = new YAML.Document({ domain, items: [] });
  const seq = doc.get('items');
  for (const it of items) {
    const map = doc.createNode({});
    for (const [k, v] of Object.entries(it)) {
      if (k === 'basis') map.set(k, doc.createNode(v));
      else if (Array.isArray(v)) map.set(k, flowSeq(doc, v));
      else map.set(k, v);
    }
    seq.add(map);
  }
  const header = `# 国家标准目录 national-2020 · ${zhName} · 由 ${SCRIPT_NAME} 从转录表生成，勿手工编辑\n`;
  return header + doc.toString(YAML_OPTS);
}

function renderEdition(perDomain) {
  const total = perDomain.reduce((s, d) => s + d.items.length, 0);
  const domains = {};
  for (const d of perDomain) {
    const meta = DOMAIN_META[d.id] ?? {};
    const sources = [];
    for (const it of d.items) if (!sources.includes(it.source)) sources.push(it.source);
    const entry = { name: d.zh };
    if (meta.issuer) entry.issuer = meta.issuer;
    if (meta.documents) entry.documents = meta.documents;
    entry.rows = d.items.length;
    if (meta.officialRows) entry.officialRows = meta.officialRows;
    entry.partial = true;
    entry.sources = sources;
    if (meta.gaps) entry.gaps = meta.gaps;
    domains[d.id] = entry;
  }
  const doc = new YAML.Document({
    id: EDITION.id,
    title: EDITION.title,
    note: EDITION.note,
    partial: true,
    rows: total,
    domains,
  });
  const header = `# 国家标准目录 national-2020 · 版本说明 · 由 ${SCRIPT_NAME} 从转录表生成，勿手工编辑\n`;
  return { text: header + doc.toString(YAML_OPTS), total };
}

function main() {
  const inDir = process.argv[2];
  if (!inDir) {
    console.error(`usage: node catalogs/standard/${SCRIPT_NAME} <dir-with-csvs> [<empty out dir>]`);
    process.exit(2);
  }
  // another folder than the bundled edition's (to compare a regeneration with it) must be empty: nothing is removed there
  const outDir = process.argv[3] ? path.resolve(process.argv[3]) : OUT_DIR;
  if (outDir !== OUT_DIR && fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
    console.error(`${outDir} is not empty`);
    process.exit(2);
  }
  const vocab = loadVocab();
  const perDomain = [];
  const allUse = [];
  for (const [id, zh] of DOMAINS) {
    const file = path.join(inDir, `${id}.csv`);
    const table = parseCsv(fs.readFileSync(file, 'utf8'));
    const header = table[0];
    if (header.join(',') !== HEADER.join(',')) throw new Error(`${file}: unexpected header ${header.join(',')}`);
    const rows = table.slice(1).filter((r) => !(r.length === 1 && r[0] === ''));
    rows.forEach((r, i) => {
      if (r.length !== HEADER.length) throw new Error(`${file} row ${i + 1}: ${r.length} fields`);
    });
    const { items, channelUse } = buildDomain(id, zh, rows, vocab);
    perDomain.push({ id, zh, items });
    allUse.push(...channelUse);
  }

  // write
  if (outDir === OUT_DIR) fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  for (const d of perDomain) {
    const text = renderDomain(d.id, d.zh, d.items);
    // self-check: the YAML must read back as exactly the data we meant to write
    const back = YAML.parse(text);
    if (JSON.stringify(back) !== JSON.stringify({ domain: d.id, items: d.items })) {
      throw new Error(`${d.id}: YAML round-trip mismatch`);
    }
    fs.writeFileSync(path.join(outDir, `${d.id}.yaml`), text);
  }
  const { text, total } = renderEdition(perDomain);
  fs.writeFileSync(path.join(outDir, 'edition.yaml'), text);

  // channel vocabulary check
  const problems = [...vocab.problems];
  const unknown = new Map();
  const seenIn = new Map(); // canonical -> Set(domain)
  const unresolvedSeen = new Map();
  for (const [s, domain, id] of allUse) {
    const canonical = vocab.lookup.get(s);
    if (canonical) {
      if (!seenIn.has(canonical)) seenIn.set(canonical, new Set());
      seenIn.get(canonical).add(domain);
    } else if (vocab.unresolved.has(s)) {
      if (!unresolvedSeen.has(s)) unresolvedSeen.set(s, []);
      unresolvedSeen.get(s).push(id);
    } else {
      if (!unknown.has(s)) unknown.set(s, []);
      unknown.get(s).push(id);
    }
  }
  for (const [s, idsUsing] of unknown) problems.push(`未收录的渠道“${s}”（${idsUsing.join(', ')}）`);
  for (const [canonical, doms] of seenIn) {
    const e = vocab.entries.get(canonical);
    if (e.kind === 'platform') {
      for (const d of doms) {
        if (!(e.domains ?? []).includes(d)) problems.push(`平台“${canonical}”出现在 ${d}，但词表 domains 未列`);
      }
    }
  }
  for (const [s, idsUsing] of unresolvedSeen) {
    console.log(`note: 渠道“${s}”列为 unresolved（${idsUsing.join(', ')}）`);
  }
  console.log(`wrote ${perDomain.length} domain files + edition.yaml (${total} items) to ${path.relative(process.cwd(), outDir) || outDir}`);
  if (problems.length) {
    for (const p of problems) console.error(`channel check: ${p}`);
    process.exit(1);
  }
  console.log(`channel check: ok (${new Set(allUse.map(([s]) => s)).size} distinct channel strings, ${vocab.entries.size} canonical channels)`);
}

main();
