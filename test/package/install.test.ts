// Installing gk as a county's repository does: the packed tarball (or, opt-in, a git URL) as a devDependency of a
// temporary project outside this checkout, then `npx gk`, README's CI recipe commands and `import … from 'gk'` there.
//
// Offline on purpose: npm resolves a new project's version ranges from registry metadata that `npm ci` never caches,
// so the temporary project gets the lockfile a county commits after its first install — gk's own resolved
// dependencies — and `npm ci --offline` then takes every package from npm's cache, where `npm ci` put them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, git, repoRoot } from '../helpers.js';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> };
const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };

/** npm's cache as the surrounding npm uses it (npm test sets npm_config_cache), else npm's configured one. */
function npmCache(): string {
  return process.env.npm_config_cache ?? execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
}

let work: string;
let env: NodeJS.ProcessEnv;

/** Only what an npm in CI would see: no npm_* settings inherited from `npm test`, a home of its own, no network. */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD') out[k] = v;
  return { ...out, HOME: home, npm_config_cache: npmCache(), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1', CI: 'true' };
}

function sh(command: string, cwd: string, extra: NodeJS.ProcessEnv = {}): { code: number; out: string; err: string } {
  const r = spawnSync('bash', ['-c', command], { cwd, env: { ...env, ...extra }, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A county's package.json and the package-lock.json it commits: gk from `spec`, gk's dependencies as gk's lockfile pins them. */
function countyProject(dir: string, spec: string, gkEntry: Record<string, unknown>): void {
  const packages: Record<string, Record<string, unknown>> = { '': { name: 'county', devDependencies: { gk: spec } } };
  packages['node_modules/gk'] = { version: pkg.version, ...gkEntry, dev: true, license: 'MIT', dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.dev === true) continue;
    const { devOptional: _, ...rest } = entry;
    packages[key] = { ...rest, dev: true };
  }
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'county', private: true, devDependencies: { gk: spec } }, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'county', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

/** A county folder: the fixture county, formatted, so a CI run over it is clean. */
function countyFolder(dir: string): void {
  fs.cpSync(path.join(fixtures, 'build', 'county'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\ndist/\n');
}

/** The `run:` and `- ` script lines of README's CI recipes that call gk. */
function recipeCommands(kind: 'github' | 'gitlab'): string[] {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const marker = kind === 'github' ? '# .github/workflows/catalog.yml' : '# .gitlab-ci.yml';
  const start = readme.indexOf(marker);
  expect(start, `README has the ${kind} recipe`).toBeGreaterThan(0);
  const block = readme.slice(start, readme.indexOf('```', start));
  const lines = block.split('\n').map((l) => /^\s*-\s+(?:run:\s+)?(.*)$/.exec(l)?.[1]?.replace(/\s+#\s.*$/, '').trim()).filter((l): l is string => l !== undefined);
  return lines.filter((l) => l.startsWith('npm ') || l.startsWith('npx '));
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-install-'));
  fs.mkdirSync(path.join(work, 'home'));
  env = cleanEnv(path.join(work, 'home'));
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  let tarball: string;
  let county: string;

  beforeAll(() => {
    // dist/ is built by `npm test`'s pretest; packing again would only run tsc once more.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repoRoot, encoding: 'utf8', env })) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(work, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path);
    county = path.join(work, 'county');
    countyFolder(county);
    fs.copyFileSync(tarball, path.join(county, path.basename(tarball)));
    const spec = `file:${path.basename(tarball)}`;
    countyProject(county, spec, { resolved: spec, integrity: `sha512-${execFileSync('openssl', ['dgst', '-sha512', '-binary', tarball]).toString('base64')}` });
    const install = sh('npm ci', county);
    expect(install.code, install.err).toBe(0);
  }, 300_000);
  let files: string[] = [];

  it('holds what gk needs at run time and nothing else', () => {
    for (const needed of ['bin/gk.js', 'dist/cli.js', 'dist/index.js', 'dist/index.d.ts', 'dist/check/schema/validators.cjs', 'dist/standard/bundle.json', 'catalogs/standard/channels.yaml', 'catalogs/standard/national-2020/edition.yaml', 'templates/site/index.hbs', 'schemas/catalog.schema.json', 'README.md', 'package.json']) {
      expect(files, needed).toContain(needed);
    }
    const unwanted = files.filter((f) => /^(src|test|bench|docs|node_modules|\.ci|dist\/bench)\//.test(f) || /\.test\.|\.mjs$|\.tgz$|tsconfig/.test(f));
    expect(unwanted).toEqual([]);
  });

  it('installs into a county repository, where npx gk validates, formats and builds', { timeout: 240_000 }, () => {
    const installed = path.join(county, 'node_modules', 'gk');
    expect(fs.realpathSync(installed).startsWith(fs.realpathSync(county))).toBe(true);
    const before = sh('npx gk validate .', county);
    expect(before.code, before.err).toBe(0);
    expect(before.out).toContain('unknown-channel');
    expect(sh('npx gk fmt .', county).code).toBe(0);
    const after = sh('npx gk validate -f json .', county);
    expect(JSON.parse(after.out).summary).toMatchObject({ errors: 0, warnings: 0 });
    const build = sh('npx gk build --date 2026-01-02 .', county);
    expect(build.code, build.err).toBe(0);
    expect(fs.readFileSync(path.join(county, 'dist', 'index.html'), 'utf8')).toContain('测试县人民政府');
    fs.rmSync(path.join(county, 'dist'), { recursive: true });
  });

  it('serves the API to `import … from "gk"`, with its type declarations', () => {
    fs.writeFileSync(
      path.join(county, 'api.mjs'),
      [
        "import { validate, publish, rules } from 'gk';",
        'const result = await validate(".", { lang: "en" });',
        'const built = await publish(".", { formats: ["json"], date: "2026-01-02" });',
        'console.log(JSON.stringify({ where: import.meta.resolve("gk"), files: result.files, summary: result.summary, rules: rules.length, built: built.ok ? [...built.files.keys()] : built.diagnostics }));',
      ].join('\n'),
    );
    const r = sh('node api.mjs', county);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { where: string; files: string[]; summary: { errors: number }; rules: number; built: string[] };
    expect(out.where).toContain(path.join(county, 'node_modules', 'gk'));
    expect(out.files).toContain('catalog/social-assistance.yaml');
    expect(out.summary.errors).toBe(0);
    expect(out.rules).toBeGreaterThan(5);
    expect(out.built).toContain('catalog.json');

    fs.writeFileSync(path.join(county, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['check.ts'] }));
    fs.writeFileSync(path.join(county, 'check.ts'), "import { check, type Diagnostic } from 'gk';\nexport const found: Promise<Diagnostic[]> = check('.').then((r) => r.diagnostics);\nexport const wrong: number = check('.');\n");
    // The checkout lends only its compiler; the types come from the installed package.
    const tsc = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: county, encoding: 'utf8', env });
    const errors = tsc.stdout.split('\n').filter((l) => l.includes('error TS'));
    expect(errors.length, tsc.stdout).toBe(1);
    expect(errors[0]).toMatch(/^check\.ts\(3,/);
  });

  it('runs README’s CI recipes (GitHub Actions, GitLab CI) on a pull request that drops an item', { timeout: 240_000 }, () => {
    const repo = path.join(work, 'ci-county');
    fs.cpSync(county, repo, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) && !/api\.mjs|check\.ts|tsconfig\.json/.test(path.basename(src)) });
    fs.symlinkSync(path.join(county, 'node_modules'), path.join(repo, 'node_modules'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'catalog');
    git(repo, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    const summary = path.join(work, 'step-summary.md');
    const ciEnv = { GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' };
    const github = recipeCommands('github');
    const gitlab = recipeCommands('gitlab');
    expect(github.some((c) => c.startsWith('npx gk validate'))).toBe(true);
    expect(gitlab.some((c) => c.startsWith('npx gk validate'))).toBe(true);
    const runAll = (commands: string[]) =>
      commands.filter((c) => !c.startsWith('npm ')).map((c) => ({ c, ...sh(c.replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, '$GITHUB_BASE_REF'), repo, ciEnv) }));
    // The install step is `npm ci`, done above from the same lockfile.
    expect([...github, ...gitlab].filter((c) => c.startsWith('npm '))).toEqual(['npm ci', 'npm ci']);

    // A pull request that drops an item and misspells a channel: the recipes fail and say where.
    const file = path.join(repo, 'catalog', 'social-assistance.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const dropped = text.replace(/  - id: sa-02\n(?: {4}.*\n)+/, '').replace('政府网站', '政府网占');
    expect(dropped).not.toBe(text);
    fs.writeFileSync(file, dropped);
    const onGithub = runAll(github);
    const onGitlab = runAll(gitlab);
    const step = (results: typeof onGithub, start: string) => results.find((r) => r.c.startsWith(start))!;
    // A warning annotates the line and does not fail the job; the dropped item fails the diff step on both.
    expect(step(onGithub, 'npx gk validate')).toMatchObject({ code: 0 });
    expect(step(onGithub, 'npx gk validate').out).toContain('::warning file=catalog/social-assistance.yaml');
    expect(step(onGithub, 'npx gk diff').code).toBe(1);
    expect(step(onGitlab, 'npx gk validate').code).toBe(0);
    expect(step(onGitlab, 'npx gk diff').code).toBe(1);
    expect(step(onGitlab, 'npx gk diff').out).toContain('sa-02');
    expect(fs.readFileSync(summary, 'utf8')).toContain('sa-02');
    const reported = JSON.parse(fs.readFileSync(path.join(repo, 'gl-code-quality.json'), 'utf8')) as Array<{ location: { path: string } }>;
    expect(reported.map((r) => r.location.path)).toContain('catalog/social-assistance.yaml');
  });
});

// Opt-in (GK_TEST_GIT_INSTALL=1): npm clones the repository, installs gk's devDependencies and runs `prepare`
// (tsc) in the clone before packing it, which takes minutes.
describe.runIf(process.env.GK_TEST_GIT_INSTALL === '1')('a git URL', () => {
  it('installs as a devDependency, building dist/ on the way', { timeout: 600_000 }, () => {
    const bare = path.join(work, 'gk.git');
    execFileSync('git', ['clone', '-q', '--bare', repoRoot, bare]);
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: bare, encoding: 'utf8' }).trim();
    const county = path.join(work, 'git-county');
    countyFolder(county);
    const spec = `git+file://${bare}`;
    countyProject(county, spec, { resolved: `${spec}#${sha}`, hasInstallScript: true });
    const install = sh('npm ci', county);
    expect(install.code, install.err).toBe(0);
    expect(fs.existsSync(path.join(county, 'node_modules', 'gk', 'dist', 'index.d.ts'))).toBe(true);
    expect(fs.existsSync(path.join(county, 'node_modules', 'gk', 'src'))).toBe(false);
    const r = sh('npx gk validate .', county);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('unknown-channel');
  });
});
