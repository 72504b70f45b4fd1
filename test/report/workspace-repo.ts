// Test helper: the fixture city workspace copied into a fresh git repository with a fixed, dated history.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtures } from '../helpers.js';

export const cityFixture = path.join(fixtures, 'workspace', 'city');

export function commitAt(dir: string, date: string, message: string, paths: string[]): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1' };
  const run = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=gk-test', '-c', 'user.email=gk@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env, stdio: 'pipe' });
  if (!fs.existsSync(path.join(dir, '.git'))) run('init', '-q');
  run('add', '--', ...paths);
  run('commit', '-q', '-m', message);
}

/**
 * A temp folder holding `city/` in git: every gk.yaml, the excerpt edition and 安平县's catalogs committed on
 * 2020-07-15 (before the list and published milestones), everything else on 2021-03-01 (published late).
 */
export function cityRepo(): { root: string; city: string; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-report-'));
  const city = path.join(root, 'city');
  fs.cpSync(cityFixture, city, { recursive: true });
  const manifests = ['gk.yaml', 'anping/gk.yaml', 'anping/chengguan/gk.yaml', 'anping/chengguan/dongjie/gk.yaml', 'anping/shiqiao/gk.yaml', 'beishan/gk.yaml', 'beishan/dongguan/gk.yaml', 'xihe/gk.yaml'];
  commitAt(city, '2020-07-15T10:00:00+08:00', '梳理清单，安平县公布目录', [...manifests, 'standard', 'anping/catalog', 'anping/chengguan/catalog', 'anping/shiqiao/catalog']);
  commitAt(city, '2021-03-01T10:00:00+08:00', '北山县、西河县公布目录', ['.']);
  return { root, city, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}
