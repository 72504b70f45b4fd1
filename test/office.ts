// LibreOffice and poppler for the print tests: a workbook converted to PDF as an office would print it, the PDF read
// back page by page, word by word, with each word's box; and the printable box of the pages gk prints from Chromium.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Carlito has Calibri's metrics: with it LibreOffice sizes the workbook's columns (in digits of its default font, Calibri) as Excel does. */
function hasCarlito(): boolean {
  const r = spawnSync('fc-list', [':family=Carlito', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

/**
 * The printable box of the site's and the dashboard's pages (style.css: @page { size: A4 landscape; margin: 10mm }):
 * its width in CSS pixels (96 per inch), its height and margin in points.
 */
const MM = 96 / 25.4;
export const PRINT_BOX = { widthPx: Math.floor((297 - 20) * MM), heightPt: ((210 - 20) / 25.4) * 72, marginPt: (10 / 25.4) * 72 };

export const hasPoppler = onPath('pdfinfo') && onPath('pdftotext');
/** In CI .ci/run installs libreoffice-calc-nogui, poppler-utils and fonts-crosextra-carlito: missing there is a failure, not a skip. */
export const skipOffice = !(onPath('soffice') && hasPoppler && hasCarlito()) && process.env.CI !== 'true';
if (skipOffice) console.warn('LibreOffice print tests skipped: install libreoffice-calc-nogui, poppler-utils and fonts-crosextra-carlito');
export const skipPoppler = !hasPoppler && process.env.CI !== 'true';

/**
 * A profile's settings that say it was last used by a LibreOffice later than any: LibreOffice runs its graphics render
 * tests (GraphicsRenderTests.log, only logged) on every start whose version is newer than the profile's last one, which
 * in a fresh profile is never recorded in headless mode, so each conversion spent some 7 s of its 10 drawing them.
 * The converted PDF is the same, word for word and box for box.
 */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>999.0</value></prop></item>
</oor:items>
`;

/**
 * `file` converted to PDF by LibreOffice headless, in `outDir`. A profile of its own per run (two conversions at once
 * would otherwise share one and the second would hand its work to the first), and a time limit.
 */
export async function officeToPdf(file: string, outDir: string): Promise<string> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-lo-profile-'));
  try {
    fs.mkdirSync(path.join(profile, 'user'));
    fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
    await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file], {
      timeout: 240_000,
      killSignal: 'SIGKILL',
      env: { ...process.env, HOME: profile },
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}`);
  return pdf;
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/** The text of each page (pdftotext, reading order), one string per page. */
export async function pdfPageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every page's words with their boxes in points from the top left (pdftotext -bbox). */
export async function pdfWords(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  const token = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of stdout.matchAll(token)) {
    if (m[1] !== undefined) {
      pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
      continue;
    }
    const text = m[7]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e]!);
    pages.at(-1)!.words.push({ text, xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
  }
  return pages;
}
