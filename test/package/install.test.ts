// Installing gk as a county's repository does: the packed tarball (or, opt-in, a git URL) as a devDependency of a
// temporary project outside this checkout, then `npx gk`, README's CI recipe commands and `import … from 'gk'` there.
//
// Offline on purpose: npm resolves a new project's version ranges from registry metadata that `npm ci` never caches,
// so the temporary project gets the lockfile a county commits after its first install — gk's own resolved
// dependencies — and `npm ci --offline` then takes every package from npm's cache, where `npm ci` put them.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
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

/** `sh` without blocking the test's thread, so two installs can run side by side. */
function shAsync(command: string, cwd: string, extra: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { cwd, env: { ...env, ...extra } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** The environment npx runs a project's installed bin in: its node_modules/.bin first on PATH. */
function local(project: string): NodeJS.ProcessEnv {
  return { PATH: `${path.join(project, 'node_modules', '.bin')}${path.delimiter}${env.PATH}` };
}

/** A long-running gk (serve, build --watch, lsp) started from an installed binary; its output gathered as it comes. */
function startGk(bin: string, args: string[], cwd: string): { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(bin, args, { cwd, env });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function until(what: string, test: () => boolean | Promise<boolean>, ms = 90_000): Promise<void> {
  const start = Date.now();
  while (!(await test())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Saved the way editors save: a new file renamed over the old one. */
function edit(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(`${file}.tmp~`, text.replace(from, to));
  fs.renameSync(`${file}.tmp~`, file);
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

  beforeAll(async () => {
    // dist/ is built by `npm test`'s pretest; packing again would only run tsc once more.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repoRoot, encoding: 'utf8', env })) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(work, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path);
    county = path.join(work, 'county');
    countyFolder(county);
    fs.copyFileSync(tarball, path.join(county, path.basename(tarball)));
    const spec = `file:${path.basename(tarball)}`;
    countyProject(county, spec, { resolved: spec, integrity: `sha512-${execFileSync('openssl', ['dgst', '-sha512', '-binary', tarball]).toString('base64')}` });
    // The county's devDependency and a global install (as `npm install -g` and pre-commit's node hooks do), side by side.
    // A global install has no lockfile: npm resolves gk's ranges from registry metadata, from the cache when it holds
    // them (a machine that has run `npm install`), else from the registry `npm ci` used (CI).
    prefix = path.join(work, 'global');
    const [install, global] = await Promise.all([
      shAsync('npm ci', county),
      shAsync(`npm install -g ${JSON.stringify(tarball)}`, work, { npm_config_prefix: prefix, npm_config_offline: 'false', npm_config_prefer_offline: 'true' }),
    ]);
    expect(install.code, install.err).toBe(0);
    expect(global.code, global.err).toBe(0);
  }, 300_000);
  let prefix: string;
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
    // npx ran the county's gk (its bin, on the PATH npx gives it): the same run through that bin says the same.
    const direct = sh('gk validate .', county, local(county));
    expect(direct).toEqual(before);
    expect(sh('gk fmt .', county, local(county)).code).toBe(0);
    const after = sh('gk validate -f json .', county, local(county));
    expect(JSON.parse(after.out).summary).toMatchObject({ errors: 0, warnings: 0 });
    const build = sh('gk build --date 2026-01-02 .', county, local(county));
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
    // GitHub's steps run as written, through npx; GitLab's (the same commands in other formats) run as npx runs them,
    // the installed bin first on PATH, without npm's second of start-up for each.
    const runAll = (commands: string[], through: 'npx' | 'bin') =>
      commands
        .filter((c) => !c.startsWith('npm '))
        .map((c) => {
          const command = c.replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, '$GITHUB_BASE_REF');
          if (through === 'npx') return { c, ...sh(command, repo, ciEnv) };
          expect(command).toMatch(/^npx gk /);
          return { c, ...sh(command.replace(/^npx /, ''), repo, { ...ciEnv, ...local(repo) }) };
        });
    // The install step is `npm ci`, done above from the same lockfile.
    expect([...github, ...gitlab].filter((c) => c.startsWith('npm '))).toEqual(['npm ci', 'npm ci']);

    // A pull request that drops an item and misspells a channel: the recipes fail and say where.
    const file = path.join(repo, 'catalog', 'social-assistance.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const dropped = text.replace(/  - id: sa-02\n(?: {4}.*\n)+/, '').replace('政府网站', '政府网占');
    expect(dropped).not.toBe(text);
    fs.writeFileSync(file, dropped);
    const onGithub = runAll(github, 'npx');
    const onGitlab = runAll(gitlab, 'bin');
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

  /** A copy of the county (as formatted above) sharing its node_modules, for a test that edits files. */
  function countyCopy(name: string): string {
    const dir = path.join(work, name);
    fs.cpSync(county, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) && !/^(api\.mjs|check\.ts|tsconfig\.json|dist)$/.test(path.basename(src)) });
    fs.symlinkSync(path.join(county, 'node_modules'), path.join(dir, 'node_modules'));
    return dir;
  }

  const SUBJECT = 'subject: 测试县民政局\n    publics: 决策公开';
  const CHANGED = 'subject: 测试县民政局（经办科室）\n    publics: 决策公开';

  it('installs globally: the gk command on PATH validates a catalog folder', () => {
    const bin = path.join(prefix, 'bin', 'gk');
    const version = sh(`${JSON.stringify(bin)} --version`, county);
    expect(version.code, version.err).toBe(0);
    expect(version.out.trim()).toBe(pkg.version);
    expect(fs.realpathSync(bin).startsWith(fs.realpathSync(prefix))).toBe(true);
    const r = sh('gk validate -f json .', county, { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${env.PATH}` });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('runs the pre-commit hooks as pre-commit installs them (the package installed globally into the hook environment)', () => {
    const hooks = parseYaml(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files: string; pass_filenames?: boolean }>;
    const dir = countyCopy('pre-commit');
    fs.writeFileSync(path.join(dir, 'README.md'), '# 目录\n');
    const PATH = `${path.join(prefix, 'bin')}${path.delimiter}${env.PATH}`;
    const all = ['README.md', 'gk.yaml', 'catalog/general-affairs.yaml', 'catalog/social-assistance.yaml'];
    const hook = (id: string, staged = all) => {
      const h = hooks.find((x) => x.id === id)!;
      const selected = staged.filter((f) => new RegExp(h.files).test(f));
      return sh([h.entry, ...(h.pass_filenames === false ? [] : selected.map((f) => JSON.stringify(f)))].join(' '), dir, { PATH });
    };
    for (const id of ['gk-validate', 'gk-fmt-check', 'gk-fmt']) expect(hook(id).code, id).toBe(0);
    const file = path.join(dir, 'catalog', 'social-assistance.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('domain: social-assistance', 'domain：social-assistance'));
    expect(hook('gk-validate').code).toBe(1);
    expect(hook('gk-fmt-check', ['catalog/social-assistance.yaml']).code).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).not.toBe(text);
    // gk fmt rewrites the staged file; pre-commit then fails the commit because a hook changed a file.
    hook('gk-fmt', ['catalog/social-assistance.yaml']);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(hook('gk-validate').code).toBe(0);
  });

  it('runs a local rule from gk.yaml and tests it with the rule tester under node --test', () => {
    const dir = countyCopy('local-rule');
    fs.mkdirSync(path.join(dir, 'rules'));
    fs.copyFileSync(path.join(fixtures, 'local-rules', 'subject-prefix.mjs'), path.join(dir, 'rules', 'subject-prefix.mjs'));
    fs.appendFileSync(path.join(dir, 'gk.yaml'), 'local-rules: [rules/subject-prefix.mjs]\n');
    const tests = (line: number) =>
      [
        "import { test } from 'node:test';",
        "import { testRule } from 'gk';",
        "import { rule } from './subject-prefix.mjs';",
        "const code = (subject) => `domain: fiscal-budget\\nitems:\\n  - id: a\\n    name: 政府预算\\n    subject: ${subject}\\n`;",
        'testRule(rule, {',
        "  valid: [{ name: '本县单位', code: code('测试县财政局') }],",
        `  invalid: [{ name: '外单位', code: code('市财政局'), errors: [{ messageId: 'notLocal', line: ${line}, column: 14, message: '公开主体“市财政局”不是以“测试县”开头的本县单位' }] }],`,
        "}, { test });",
        '',
      ].join('\n');
    // The rule tester's default county is 示例县; this county's rule reads the name from gk.yaml, so the cases give it.
    const withManifest = (t: string) => t.replace("code: code('测试县财政局') }", "code: code('测试县财政局'), manifest: COUNTY }").replace("code: code('市财政局'),", "code: code('市财政局'), manifest: COUNTY,").replace("import { rule }", "const COUNTY = 'name: 测试县人民政府\\ncode: \"410998\"\\nlevel: county\\nstandard: national-2020\\n';\nimport { rule }");
    fs.writeFileSync(path.join(dir, 'rules', 'subject-prefix.test.mjs'), withManifest(tests(5)));
    const passing = sh('node --test rules/', dir);
    expect(passing.code, passing.out + passing.err).toBe(0);
    expect(passing.out).toMatch(/# pass 3\b/);
    fs.writeFileSync(path.join(dir, 'rules', 'subject-prefix.test.mjs'), withManifest(tests(4)));
    const failing = sh('node --test rules/', dir);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain('at 5:14, expected 4:14');

    fs.writeFileSync(path.join(dir, 'catalog', 'social-assistance.yaml'), fs.readFileSync(path.join(dir, 'catalog', 'social-assistance.yaml'), 'utf8').replace('subject: 测试县民政局', 'subject: 市民政局'));
    const r = sh('gk validate -f json .', dir, local(dir));
    expect(r.code, r.err).toBe(0);
    const found = (JSON.parse(r.out) as { diagnostics: Array<{ code: string; file: string }> }).diagnostics.filter((d) => d.code === 'subject-prefix');
    expect(found.map((d) => d.file)).toEqual(['catalog/social-assistance.yaml']);
  });

  it('rebuilds on change with gk build --watch, and serves a preview that follows the catalog', { timeout: 240_000 }, async () => {
    const dir = countyCopy('watch');
    const bin = path.join(dir, 'node_modules', '.bin', 'gk');
    const file = path.join(dir, 'catalog', 'social-assistance.yaml');
    const page = path.join(dir, 'dist', 'social-assistance.html');

    const watch = startGk(bin, ['build', '--watch', '--formats', 'html', '--date', '2026-01-02', '.'], dir);
    try {
      await until('the first build', () => watch.out().includes('正在监视'));
      expect(fs.readFileSync(page, 'utf8')).not.toContain('测试县民政局（经办科室）');
      const before = watch.err().length;
      edit(file, SUBJECT, CHANGED);
      await until('the rebuild', () => watch.err().slice(before).includes('已写入'));
      expect(fs.readFileSync(page, 'utf8')).toContain('测试县民政局（经办科室）');
    } finally {
      watch.child.kill('SIGINT');
    }
    expect(await watch.exit).toBe(0);

    const serve = startGk(bin, ['serve', '--port', '0', '--date', '2026-01-02', '.'], dir);
    try {
      await until('the server', () => /http:\/\/127\.0\.0\.1:\d+\//.test(serve.out()));
      const url = `${/http:\/\/127\.0\.0\.1:\d+\//.exec(serve.out())![0]}social-assistance.html`;
      expect(await (await fetch(url)).text()).toContain('测试县民政局（经办科室）');
      edit(file, CHANGED, SUBJECT);
      await until('the preview to follow', async () => !(await (await fetch(url)).text()).includes('测试县民政局（经办科室）'));
      const served = await (await fetch(url)).text();
      expect(served).toContain('测试县民政局');
      expect(served).toContain('/__gk/reload.js');
    } finally {
      serve.child.kill('SIGINT');
    }
    expect(await serve.exit).toBe(0);
  });

  it('speaks the language server protocol over stdio: diagnostics on open and on change, unsaved text included', { timeout: 120_000 }, async () => {
    const dir = countyCopy('lsp');
    const server = startGk(path.join(dir, 'node_modules', '.bin', 'gk'), ['lsp', '--stdio'], dir);
    const client = createProtocolConnection(new StreamMessageReader(server.child.stdout!), new StreamMessageWriter(server.child.stdin!));
    const published: PublishDiagnosticsParams[] = [];
    client.onNotification(PublishDiagnosticsNotification.type, (p) => published.push(p));
    client.listen();
    try {
      await client.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: null });
      await client.sendNotification(InitializedNotification.type, {});
      const uri = pathToFileURL(path.join(dir, 'catalog', 'social-assistance.yaml')).href;
      const text = fs.readFileSync(path.join(dir, 'catalog', 'social-assistance.yaml'), 'utf8');
      const broken = text.replace('domain: social-assistance', 'domain: social-assistanse');
      await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: broken } });
      const latest = () => [...published].reverse().find((p) => p.uri === uri);
      await until('diagnostics on open', () => (latest()?.diagnostics ?? []).some((d) => d.code === 'unknown-domain'));
      const opened = latest()!.diagnostics.find((d) => d.code === 'unknown-domain')!;
      expect(opened.range.start.line).toBe(text.split('\n').findIndex((l) => l.startsWith('domain:')));
      await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
      await until('diagnostics on change', () => latest()?.version === 2 || (published.length > 1 && (latest()?.diagnostics ?? []).every((d) => d.code !== 'unknown-domain')));
      expect(latest()!.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
      // The file on disk was never touched.
      expect(fs.readFileSync(path.join(dir, 'catalog', 'social-assistance.yaml'), 'utf8')).toBe(text);
      await client.sendRequest(ShutdownRequest.type);
      await client.sendNotification(ExitNotification.type);
      expect(await server.exit).toBe(0);
    } finally {
      client.dispose();
      server.child.kill();
    }
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
