import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBrand, type Branding } from '../../src/brand/load.js';
import { run } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { renderPdf } from '../../src/report/pdf.js';
import { hasGlyph, pdfText, ROBOTO_RANGES } from '../../src/report/pdf-text.js';
import { HOSTILE, hostileReport } from '../helpers/hostile.js';
import { pdfInfo, pdfPages } from '../helpers/pdf-text.js';
import { Capture, runBin, runCli } from '../helpers/run-cli.js';

const CHECKLISTS = ['test/fixtures/checklists/shop.yaml', 'test/fixtures/checklists/other.yaml'];
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01
const BRAND = 'test/fixtures/brand/mueller.yaml';
const REPORT = [
  'report',
  'test/fixtures/answers/shop-complete.yaml',
  ...CHECKLISTS,
  '--client',
  'Müller & Søn',
  '--auditor',
  'Łódź Advisory',
  '--brand',
  BRAND,
];

async function brand(file: string): Promise<Branding> {
  const loaded = await loadBrand(file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.brand;
}

/** The PDF the command line writes for REPORT (plus `extra`), and the same report as JSON. */
async function written(extra: string[] = []): Promise<{ bytes: Buffer; json: { actions: { title: string }[] } }> {
  const file = join(mkdtempSync(join(tmpdir(), 'cx-audit-pdf-')), 'acme.pdf');
  const result = await runCli([...REPORT, ...extra, '-o', file], EPOCH);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe(`Report written to ${file}\n`);
  const json = await runCli([...REPORT, '-f', 'json'], EPOCH);
  return { bytes: readFileSync(file), json: JSON.parse(json.stdout) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the PDF report', () => {
  it('prints the client, the score, every action title, Unicode names, the brand, page numbers and the footer', async () => {
    const { bytes, json } = await written();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    const all = pages.join('\n');
    expect(all).toContain('Customer experience audit: Müller & Søn');
    expect(all).toContain('Prepared by Łódź Advisory on 2026-01-01');
    expect(all).toContain('Score 89.1 of 100');
    expect(all).toContain('Müller & Søn Beratung');
    expect(all).toContain('hello@mueller-son.example · +48 42 123 45 67 (Łódź)');
    expect(json.actions.length).toBeGreaterThan(0);
    for (const action of json.actions) expect(all).toContain(action.title);
    expect(pages.length).toBeGreaterThanOrEqual(4); // the summary, then actions, chart, progress… each on a new page
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toContain('Müller & Søn Beratung · confidential, for the client named on page 1');
    });
    // Ids only in the appendix, which is the last part.
    const appendix = pages.findIndex((p) => p.includes('Appendix: every answer'));
    expect(appendix).toBeGreaterThan(0);
    // An id may wrap at a hyphen in its narrow column.
    const unwrapped = pages.map((p) => p.replace(/-\n/g, '-'));
    for (const page of unwrapped.slice(0, appendix)) expect(page).not.toMatch(/vat-number-field|shop\/delivery-options/);
    expect(unwrapped.slice(appendix).join('')).toMatch(/vat-number-field[\s\S]*shop\/delivery-options/);
  });

  it('gives the same bytes every time, in this process and in another, dated by SOURCE_DATE_EPOCH', async () => {
    const first = (await written()).bytes;
    const second = (await written()).bytes;
    expect(second.equals(first)).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'cx-audit-pdf-')), 'acme.pdf');
    expect(runBin([...REPORT, '-o', file], { env: EPOCH }).code).toBe(0);
    expect(readFileSync(file).equals(first)).toBe(true);
    const info = await pdfInfo(first);
    expect(info).toMatchObject({ CreationDate: 'D:20260101000000Z', ModDate: 'D:20260101000000Z', Title: 'Customer experience audit: Müller & Søn' });
  });

  it.each(HOSTILE)('renders any text, in characters its font has, and warns about nothing: %j', async (text) => {
    const warn = vi.spyOn(console, 'warn');
    const bytes = await renderPdf(hostileReport(text), {});
    expect(warn).not.toHaveBeenCalled();
    const all = (await pdfPages(bytes)).join('\n');
    expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    for (const ch of all.replace(/\s/g, '')) expect(hasGlyph(ch.codePointAt(0)!), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
    expect(all).toContain(pdfText(text).trim().slice(0, 12));
  });

  it('replaces what the font lacks, and keeps the Unicode it has', () => {
    expect(pdfText('Müller & Søn, Łódź, Ærø, café – 12 € “quoted”')).toBe('Müller & Søn, Łódź, Ærø, café – 12 € “quoted”');
    expect(pdfText('next → done ✓ ★ 😀 ǅ ﬁne Ａ')).toBe('next -> done + * ? Dž ﬁne A');
    expect(pdfText('a\u200db\ufe0f\nc')).toBe('ab c');
  });

  it('knows exactly which characters the embedded Roboto has', () => {
    // pdfkit reads the font with fontkit; ask fontkit as pdfkit finds it.
    const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const fontkit = createRequire(fromPdfmake.resolve('pdfkit'))('fontkit') as { openSync(path: string): { characterSet: number[] } };
    const fonts = join(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'), '..');
    for (const style of ['Regular', 'Medium']) {
      const set = new Set(fontkit.openSync(join(fonts, `Roboto-${style}.ttf`)).characterSet);
      // The cmap's control, private-use and byte-order-mark entries have no visible glyph; they are left out on purpose.
      const visible = [...set].filter((c) => c >= 0x20 && !(c >= 0xe000 && c <= 0xf8ff) && c !== 0xfeff && c !== 0xfffc && c !== 0xffff);
      const listed = ROBOTO_RANGES.split(' ').flatMap((r) => {
        const [a, b = a] = r.split('-').map((h) => Number.parseInt(h, 16)) as [number, number?];
        return Array.from({ length: b - a + 1 }, (_, i) => a + i);
      });
      expect(listed.sort((x, y) => x - y)).toEqual(visible.sort((x, y) => x - y));
    }
  });

  it('embeds a PNG logo as an image', async () => {
    const bytes = await renderPdf(hostileReport('x'), { brand: await brand(BRAND) });
    expect(bytes.toString()).toMatch(/\/Subtype \/Image/);
  });

  it('draws an SVG logo without its links, without opening the images it names, and without a warning', async () => {
    const warn = vi.spyOn(console, 'warn');
    const bytes = Buffer.from(await renderPdf(hostileReport('x'), { brand: await brand('test/fixtures/brand/svg-logo.yaml') }));
    expect(warn).not.toHaveBeenCalled();
    expect(bytes.toString('latin1')).not.toMatch(/\/URI|evil\.example|\/Subtype \/Image/);
    expect((await pdfPages(bytes))[0]).toContain('Ærø & Co Consulting');
  });

  it('says which logo it cannot draw, rather than failing as a bug', async () => {
    const broken: Branding = { name: 'Acme', logo: { path: 'brand/logo.svg', type: 'svg', bytes: Buffer.from('<svg width="10" height="10"><g></svg>') } };
    const error = await renderPdf(hostileReport('x'), { brand: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^cannot draw the logo brand\/logo\.svg in the PDF: Invalid svg document/);
  });

  it('refuses a report too long to be a document, before loading the PDF library', async () => {
    const report = hostileReport('x');
    report.answers = Array.from({ length: 2001 }, () => report.answers[0]!);
    const error = await renderPdf(report, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'a PDF lists at most 2,000 answers, and this report has 2,001: it would run to hundreds of pages. Write HTML (-f html, which prints as well) or Markdown instead',
    );
  });

  it('is refused on a terminal, with the file to write instead', async () => {
    const stdout = Object.assign(new Capture(true), { columns: 80 });
    const stderr = new Capture();
    const stdin = Object.assign(process.stdin, {});
    const code = await run(['report', 'test/fixtures/answers/shop-complete.yaml', ...CHECKLISTS, '-f', 'pdf'], { stdout, stderr, stdin, env: { CI: 'true' } });
    expect(code).toBe(2);
    expect(stdout.text).toBe('');
    expect(stderr.text).toBe(
      'cx-audit: -f pdf writes a binary file, which a terminal cannot show; write it to a file with -o report.pdf, or pipe it (> report.pdf)\nRun `cx-audit --help` for usage.\n',
    );
  });
});
