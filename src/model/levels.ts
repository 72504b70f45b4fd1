// The levels of government and their names: the one place 县级/乡级/村级 are spelled.
import type { Message } from './i18n.js';
import type { Lang, Level, LevelMark } from './types.js';

/** gk.yaml `level:` values, from the top down. */
export const LEVELS: readonly Level[] = ['county', 'township', 'village'];

/** 公开层级 marks as the official tables write them, in the same order. */
export const LEVEL_MARKS: readonly LevelMark[] = ['县级', '乡级', '村级'];

/** The 公开层级 mark a government's own level implies. */
export function levelMark(level: Level): LevelMark {
  return LEVEL_MARKS[LEVELS.indexOf(level)]!;
}

/** A level named in running text: 县级 / county. */
export const LEVEL_NAMES: Record<Level, Message> = {
  county: { zh: '县级', en: 'county' },
  township: { zh: '乡级', en: 'township' },
  village: { zh: '村级', en: 'village' },
};

/** A level as a heading or table cell names it (reports): villages include communities. */
export const LEVEL_TITLES: Record<Level, Message> = {
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡级', en: 'Township' },
  village: { zh: '村级（社区）', en: 'Village/community' },
};

export function levelName(level: Level, lang: Lang): string {
  return LEVEL_NAMES[level][lang];
}

export function levelTitle(level: Level, lang: Lang): string {
  return LEVEL_TITLES[level][lang];
}

/**
 * Whether coverage of the national standard is measured for a government of this level: for counties and townships,
 * whose catalogs the national tables are (国办发〔2019〕54号 covers 县乡两级). A village's (community's) list draws on its
 * township's items, so gk diff, the site and gk report give it no coverage, no applicable items and nothing missing.
 */
export function measuresCoverage(level: Level): boolean {
  return level !== 'village';
}

/** Why a village's diff and report show no coverage: said the same way wherever it is said. */
export const NO_COVERAGE: Message = {
  zh: '村级（社区）目录承接乡镇事项，不计算覆盖率',
  en: 'village and community lists draw on their township’s items: no coverage is measured for them',
};
