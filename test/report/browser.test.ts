import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { pdfPages } from '../helpers/pdf-text.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The HTML report as a person sees it: opened in a real Chromium (Debian's
 * `chromium` package, driven by playwright-core; never a downloaded
 * browser), on screen and printed. Without a browser the tests are skipped,
 * except in CI, where a missing browser fails.
 */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];
const EXECUTABLE = CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p!));
const IN_CI = ['1', 'true'].includes((process.env.CI ?? '').toLowerCase());
const NO_BROWSER = `no Chromium found (looked for ${CANDIDATES.filter(Boolean).join(', ')}; set CHROMIUM_PATH, or apt-get install chromium)`;
// Quiet and offline: no updates, no sync, nothing fetched in the background.
const ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };

let browser: Browser | undefined;
const reports: Record<string, string> = {};

beforeAll(async () => {
  if (!EXECUTABLE) return;
  const dir = mkdtempSync(join(tmpdir(), 'cx-audit-browser-'));
  // The golden pages, and a full built-in audit with a brand: long tables, every chart, a logo.
  for (const name of ['partial', 'complete-compared']) reports[name] = `test/fixtures/golden/${name}.html`;
  const branded = await runCli(['report', 'test/fixtures/scenarios/late-web-shop.yaml', '--brand', 'test/fixtures/brand/mueller.yaml', '-f', 'html'], EPOCH);
  expect(branded.code, branded.stderr).toBe(0);
  reports.branded = join(dir, 'branded.html');
  writeFileSync(reports.branded, branded.stdout);
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS, timeout: 60_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

/**
 * Opens one report in a new page, runs the checks, then fails on anything
 * that went wrong meanwhile: a console error or warning, a script error, a
 * request for anything but the page itself and its data: images.
 */
async function onPage(ctx: TestContext, name: string, check: (page: Page) => Promise<void>): Promise<void> {
  if (!browser) {
    if (IN_CI) throw new Error(`CI needs a browser for this test: ${NO_BROWSER}`);
    ctx.skip(NO_BROWSER);
  }
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('data:') && r.url() !== pathToFileURL(reports[name]!).href) problems.push(`request: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  try {
    await page.goto(pathToFileURL(reports[name]!).href, { waitUntil: 'load' });
    await check(page);
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
}

/** The CSS `break-inside` of the first element a selector finds, as printed. */
const breakInside = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => getComputedStyle(e).breakInside);

describe('the HTML report in a browser', () => {
  it.for(['partial', 'complete-compared', 'branded'])('%s: loads nothing, logs no error and shows every chart', async (name, ctx) => {
    await onPage(ctx, name, async (page) => {
      const charts = page.locator('svg.chart');
      const count = await charts.count();
      expect(count).toBeGreaterThanOrEqual(name === 'complete-compared' ? 5 : 4);
      for (let i = 0; i < count; i++) {
        const chart = charts.nth(i);
        await chart.scrollIntoViewIfNeeded();
        expect(await chart.isVisible()).toBe(true);
        const box = await chart.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(40);
      }
      if (name === 'branded') {
        expect(await page.locator('.masthead img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
        expect(
          await page
            .locator('h2')
            .first()
            .evaluate((h) => getComputedStyle(h).color),
        ).toBe('rgb(122, 46, 140)');
      }
    });
  });

  it.for(['complete-compared', 'branded'])('%s: prints on A4 and Letter with each major section on a new page and no row cut', async (name, ctx) => {
    await onPage(ctx, name, async (page) => {
      await page.emulateMedia({ media: 'print' });
      expect(await breakInside(page, 'table tr')).toBe('avoid');
      expect(await page.locator('.action').count()).toBeGreaterThan(0);
      expect(await breakInside(page, '.action')).toBe('avoid');
      const majors = await page.locator('section.major > h2').allTextContents();
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format, printBackground: true });
        const pages = await pdfPages(pdf);
        // The summary's page, then at least one page per major section.
        expect(pages.length, format).toBeGreaterThanOrEqual(majors.length + 1);
        expect(pages.length, format).toBeLessThanOrEqual(name === 'branded' ? 30 : majors.length + 3);
        pages.forEach((text, i) => expect(text, `${format} page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`));
        for (const heading of majors) {
          // Where the heading is printed, only the page's margin (footer, page number) comes before it.
          const page1 = pages.find((t) => t.includes(heading));
          expect(page1, heading).toBeDefined();
          const before = page1!.slice(0, page1!.indexOf(heading));
          expect(before.replace(/Page \d+ of \d+|Müller & Søn Beratung · confidential, for the client named on page 1|\s/g, ''), `${format}: ${heading}`).toBe(
            '',
          );
        }
        if (name === 'branded') expect(pages[0]).toContain('Müller & Søn Beratung · confidential, for the client named on page 1');
      }
    });
  });
});
