// gk lsp through a real client speaking the protocol over stdio with `bin/gk.js lsp`: diagnostics of unsaved text
// within the workspace, quick fixes, hovers on references, completion.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { fixtures, repoRoot } from '../helpers.js';

let work: string;
let city: string;
let server: ChildProcess;
let client: ProtocolConnection;
let stderr = '';
const latest = new Map<string, PublishDiagnosticsParams>();
const waiters: Array<{ uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];

/** The next diagnostics published for `uri` that pass `test` (the latest, if it already does). */
function diagnosticsFor(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
  const now = latest.get(uri);
  if (now && test(now)) return Promise.resolve(now);
  return new Promise((resolve) => waiters.push({ uri, test, resolve }));
}

function uri(rel: string): string {
  return pathToFileURL(path.join(city, rel)).href;
}

function open(rel: string, text: string, version = 1): string {
  const u = uri(rel);
  void client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'yaml', version, text } });
  return u;
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  expect(i, needle).toBeGreaterThanOrEqual(0);
  return i;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-lsp-'));
  city = path.join(work, 'city');
  fs.cpSync(path.join(fixtures, 'workspace', 'city'), city, { recursive: true });
  server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'gk.js'), 'lsp', '--stdio', `--clientProcessId=${process.pid}`], { cwd: work, env: { ...process.env, GK_LANG: 'zh' } });
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  client = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === p.uri && w.test(p)) {
        waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  });
  client.listen();
  const init = await client.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(city).href, capabilities: {}, workspaceFolders: null });
  expect(init.capabilities.hoverProvider).toBe(true);
  expect(init.capabilities.completionProvider).toBeDefined();
  expect(init.capabilities.codeActionProvider).toBeDefined();
  await client.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
  if (client) {
    await client.sendRequest(ShutdownRequest.type);
    await client.sendNotification(ExitNotification.type);
    await new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', () => resolve())));
    client.dispose();
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('gk lsp', () => {
  const village = 'anping/chengguan/dongjie/catalog/poverty-alleviation.yaml';
  const township = 'anping/chengguan/catalog/poverty-alleviation.yaml';

  it('publishes diagnostics of unsaved text, with the workspace around it (parent-mismatch)', async () => {
    const disk = fs.readFileSync(path.join(city, village), 'utf8');
    // Unsaved: a misspelt channel the file on disk does not have.
    const text = disk.replace('    subject: 安平县城关镇东街社区居民委员会\n', '    subject: 安平县城关镇东街社区居民委员会\n    channels: [政府网占]\n');
    expect(text).not.toBe(disk);
    const u = open(village, text);
    const published = await diagnosticsFor(u, (p) => p.diagnostics.some((d) => d.code === 'unknown-channel'));
    const codes = published.diagnostics.map((d) => d.code);
    expect(codes).toContain('parent-mismatch');
    const mismatch = published.diagnostics.find((d) => d.code === 'parent-mismatch')!;
    expect(mismatch.source).toBe('gk');
    expect(mismatch.severity).toBe(1);
    expect(mismatch.range.start.line).toBeGreaterThanOrEqual(lineOf(text, 'id: dongjie-02'));
    expect(mismatch.relatedInformation?.[0]?.location.uri).toBe(uri(township));
    const channel = published.diagnostics.find((d) => d.code === 'unknown-channel')!;
    expect(channel.range.start.line).toBe(lineOf(text, '政府网占'));
    expect(text.split('\n')[channel.range.start.line]!.slice(channel.range.start.character, channel.range.end.character)).toBe('政府网占');
    expect(fs.readFileSync(path.join(city, village), 'utf8')).toBe(disk);
  });

  it('follows edits (didChange) and offers gk’s fix as a quick fix', async () => {
    const u = uri(village);
    const disk = fs.readFileSync(path.join(city, village), 'utf8');
    // 行政服务中心 is a known misspelling of 政务服务中心: gk fmt rewrites it.
    const text = disk.replace('    subject: 安平县城关镇东街社区居民委员会\n', '    subject: 安平县城关镇东街社区居民委员会\n    channels: [政府网站, 行政服务中心]\n');
    await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: u, version: 2 }, contentChanges: [{ text }] });
    const published = await diagnosticsFor(u, (p) => p.diagnostics.some((d) => d.code === 'unknown-channel' && d.message.includes('行政服务中心')));
    expect(published.diagnostics.some((d) => d.message.includes('政府网占'))).toBe(false);
    const alias = published.diagnostics.find((d) => d.code === 'unknown-channel')!;
    expect((alias.data as { fixable: boolean }).fixable).toBe(true);
    const actions = (await client.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: alias.range, context: { diagnostics: [alias] } })) as CodeAction[];
    const quick = actions.find((a) => a.isPreferred)!;
    expect(quick.kind).toBe('quickfix');
    expect(quick.diagnostics).toEqual([alias]);
    const edits = quick.edit!.changes![u]!;
    expect(edits).toHaveLength(1);
    const lines = text.split('\n');
    const target = lineOf(text, '行政服务中心');
    expect(edits[0]!.range.start).toEqual({ line: target, character: 0 });
    const applied = [...lines.slice(0, edits[0]!.range.start.line), ...edits[0]!.newText.replace(/\n$/, '').split('\n'), ...lines.slice(edits[0]!.range.end.line)].join('\n');
    expect(applied).toContain('channels: [政府网站, 政务服务中心]');
    expect(applied.split('\n').length).toBe(lines.length);
    const fixAll = actions.filter((a) => a.kind === 'source.fixAll.gk');
    expect(fixAll).toHaveLength(1);
    const only = (await client.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: alias.range, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(only.map((a) => a.kind)).toEqual(['source.fixAll.gk']);
  });

  it('checks gk.yaml as it is edited', async () => {
    const rel = 'anping/shiqiao/gk.yaml';
    const text = fs.readFileSync(path.join(city, rel), 'utf8').replace('level: township', 'level: townsihp');
    const u = open(rel, text);
    const published = await diagnosticsFor(u, (p) => p.diagnostics.some((d) => d.code === 'schema'));
    expect(published.diagnostics.find((d) => d.code === 'schema')!.range.start.line).toBe(lineOf(text, 'townsihp'));
  });

  it('hovers a standard: reference with the standard item, and a parent-item: reference with the township’s item', async () => {
    const text = fs.readFileSync(path.join(city, township), 'utf8');
    const u = open(township, text);
    const line = lineOf(text, 'standard: poverty-alleviation/1');
    const hover = (await client.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line, character: text.split('\n')[line]!.indexOf('/1') } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    expect(value).toContain('poverty-alleviation/1');
    expect(value).toContain('行政法规、规章');
    expect(value).toContain('信息形成(变更)20个工作日内');

    const villageText = fs.readFileSync(path.join(city, village), 'utf8');
    const v = uri(village);
    await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: v, version: 3 }, contentChanges: [{ text: villageText }] });
    const ref = lineOf(villageText, 'parent-item: poverty-alleviation-01');
    const parentHover = (await client.sendRequest(HoverRequest.type, { textDocument: { uri: v }, position: { line: ref, character: villageText.split('\n')[ref]!.indexOf('-01') } })) as Hover;
    const shown = (parentHover.contents as MarkupContent).value;
    expect(shown).toContain('poverty-alleviation-01');
    expect(shown).toContain('安平县城关镇人民政府');
    // The township's own deadline, not the standard's.
    expect(shown).toContain('信息形成或变更之日起10个工作日内');
    const none = await client.sendRequest(HoverRequest.type, { textDocument: { uri: v }, position: { line: 0, character: 2 } });
    expect(none).toBeNull();
  });

  it('completes domains, standard refs, parent items and channel names', async () => {
    const rel = 'anping/shiqiao/catalog/new.yaml';
    const text = 'domain: \nitems:\n  - id: x-01\n    standard: \n    parent-item: \n    channels: [政府网站, \n    subject: 安平县石桥镇人民政府\n';
    const u = open(rel, text);
    const at = async (line: number) => (await client.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line, character: text.split('\n')[line]!.length } })) as CompletionItem[];
    const domains = await at(0);
    expect(domains.find((c) => c.label === 'poverty-alleviation')?.detail).toBe('扶贫');
    expect(domains.length).toBeGreaterThanOrEqual(26);
    const refs = await at(3);
    expect(refs.map((c) => c.label)).toContain('poverty-alleviation/1');
    expect(refs.find((c) => c.label === 'poverty-alleviation/1')?.detail).toContain('行政法规、规章');
    const channels = await at(5);
    expect(channels.map((c) => c.label)).toEqual(expect.arrayContaining(['政府网站', '政务服务中心']));
    expect(await at(6)).toEqual([]);

    const village2 = 'anping/chengguan/dongjie/catalog/extra.yaml';
    const vt = 'domain: poverty-alleviation\nitems:\n  - id: dongjie-09\n    parent-item: \n';
    const vu = open(village2, vt);
    const parents = (await client.sendRequest(CompletionRequest.type, { textDocument: { uri: vu }, position: { line: 3, character: vt.split('\n')[3]!.length } })) as CompletionItem[];
    expect(parents.map((c) => c.label)).toEqual(expect.arrayContaining(['poverty-alleviation-01', 'poverty-alleviation-02', 'poverty-alleviation-03']));
    // An unsaved new file in catalog/ is checked too.
    const found = await diagnosticsFor(vu, (p) => p.diagnostics.length > 0);
    expect(found.diagnostics.map((d: Diagnostic) => d.source)).toContain('gk');
  });

  it('keeps stdout for the protocol and reports nothing on stderr', () => {
    expect(stderr).toBe('');
  });
});
