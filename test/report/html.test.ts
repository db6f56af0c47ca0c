import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/score.js';
import { loadBrand, type Branding } from '../../src/brand/load.js';
import type { Report } from '../../src/generated/report.js';
import { quadrantLayout, type Box } from '../../src/report/charts.js';
import { html } from '../../src/report/escape.js';
import { renderHtml } from '../../src/report/html.js';
import { answers, checklist } from '../helpers/build.js';
import { HOSTILE, hostileReport } from '../helpers/hostile.js';

/** Every tag the HTML report may contain; anything else came from a text that was not escaped. */
const TAGS = new Set(
  'html head meta title style body main header footer img div p section article h1 h2 h3 ol ul li table thead tbody tr th td strong code span figure figcaption svg rect line text circle g'.split(
    ' ',
  ),
);

async function brand(file: string): Promise<Branding> {
  const loaded = await loadBrand(file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.brand;
}

/**
 * A report with `crowd` actions of critical impact and low effort (the
 * chart's top-left cell, under the "Quick wins" name), and with `others`
 * one in each of six other cells.
 */
function crowdedReport(crowd: number, others = true): Report {
  const questions = Array.from({ length: crowd }, (_, i) => ({ id: `q${i + 1}`, impact: 'critical' as const, effort: 'low' as const }));
  const spread = (['high', 'medium', 'low'] as const).flatMap((impact) =>
    (['medium', 'high'] as const).map((effort) => ({ id: `o-${impact}-${effort}`, impact, effort })),
  );
  const c = checklist('crowd', [...questions, ...(others ? spread : [])]);
  const values = Object.fromEntries(c.questions.map((q) => [q.key, 'no' as const]));
  return audit({ checklists: [c], answers: answers(values), date: '2026-01-01', toolVersion: '0.0.0', top: 3 });
}

interface Circle {
  x: number;
  y: number;
  r: number;
}

/** The dots of the impact/effort chart, with the number written in each. */
function dotsOf(page: string): (Circle & { label: string; size: number; labelX: number; labelY: number })[] {
  const svg = /<svg[^>]*id="chart-impact-effort"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
  return [
    ...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"[^>]*\/><text x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)"[^>]*>(\d+)<\/text>/g),
  ].map((m) => ({ x: +m[1]!, y: +m[2]!, r: +m[3]!, labelX: +m[4]!, labelY: +m[5]!, size: +m[6]!, label: m[7]! }));
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxOf = (c: Circle): Box => ({ x: c.x - c.r, y: c.y - c.r, width: 2 * c.r, height: 2 * c.r });

describe('the HTML report', () => {
  it.each(HOSTILE)('escapes every text, runs nothing and loads nothing: %j', (text) => {
    const page = renderHtml(hostileReport(text));
    for (const m of page.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) expect(TAGS, m[0]).toContain(m[1]!.toLowerCase());
    expect(page).not.toMatch(/<script|<img|<a[\s>]|<iframe|<object|<embed|<link|@import|url\(/i);
    // No attribute the text could have added: event handlers, links, sources.
    for (const tag of page.match(/<[a-z][^>]*>/gi) ?? []) expect(tag).not.toMatch(/\s(on\w+|href|src|xlink:href|style)\s*=/i);
    expect(page).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/);
    expect(page).toContain(html(text.split(/[\r\n]/)[0]!.trim()).slice(0, 20));
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(page.match(/<svg/g)?.length).toBe(page.match(/<\/svg>/g)?.length);
  });

  it('has the summary first, charts as inline SVG, and ids only in the appendix', () => {
    const report = crowdedReport(6);
    const page = renderHtml(report);
    const sections = [...page.matchAll(/<section id="([\w-]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['summary', 'actions', 'other-actions', 'impact-effort', 'scores', 'appendix']);
    expect(page.match(/<svg class="chart"/g)).toHaveLength(4); // score, impact/effort, by checklist, by stage
    const [before, appendix] = page.split('<section id="appendix"');
    expect(before).not.toContain('<code>');
    for (const a of report.answers) expect(before).not.toContain(a.key);
    for (const a of report.answers) expect(appendix).toContain(`<code>${a.question}</code>`);
    for (const a of report.actions) expect(appendix).toContain(`<code>${a.key}</code>`);
  });

  it('shows progress as a chart when there is a comparison', () => {
    const report = crowdedReport(2);
    report.comparison = {
      previous: { source: 'answers', date: '2025-01-01', score: 10 },
      scoreChange: report.score.low! - 10,
      checklists: [{ id: 'crowd', before: 10, after: report.score.low, change: report.score.low! - 10 }],
      fixed: [],
      regressed: [],
      newFindings: [],
    };
    const page = renderHtml(report);
    expect(page).toMatch(/<section id="progress" class="major">\n<h2>Progress since 2025-01-01<\/h2>/);
    expect(page).toMatch(/<svg class="chart" id="chart-progress"[\s\S]*Before \(2025-01-01\)[\s\S]*Now \(2026-01-01\)/);
  });

  it.each([
    [1, true],
    [7, true],
    [20, false],
  ])('never lets chart points overlap each other, a region name or their number: %i in one cell', (crowd, others) => {
    const dots = dotsOf(renderHtml(crowdedReport(crowd, others)));
    expect(dots).toHaveLength(others ? crowd + 6 : crowd);
    const names = quadrantLayout([]).names;
    for (const [i, a] of dots.entries()) {
      for (const b of dots.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.label} and ${b.label}`).toBeGreaterThanOrEqual(a.r + b.r + 1);
      for (const name of names) expect(overlaps(boxOf(a), name), `${a.label} covers ${name.text}`).toBe(false);
      // The number is centred in its dot and narrower than it.
      expect(Math.abs(a.labelX - a.x)).toBeLessThan(0.5);
      expect(a.label.length * 0.62 * a.size).toBeLessThanOrEqual(2 * a.r);
      expect(a.r).toBeGreaterThanOrEqual(6);
    }
  });

  it('places any mix of actions without overlaps, each in its own cell', () => {
    const impact = fc.constantFrom('critical', 'high', 'medium', 'low');
    const effort = fc.constantFrom('low', 'medium', 'high');
    fc.assert(
      fc.property(fc.array(fc.record({ impact, effort }), { maxLength: 20 }), (list) => {
        const { dots, names } = quadrantLayout(list.map((a, i) => ({ ...a, rank: i + 1 })));
        expect(dots).toHaveLength(list.length);
        for (const [i, a] of dots.entries()) {
          const box = boxOf(a);
          expect(box.x >= a.cell.x && box.y >= a.cell.y && box.x + box.width <= a.cell.x + a.cell.width && box.y + box.height <= a.cell.y + a.cell.height).toBe(
            true,
          );
          for (const b of dots.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r);
          for (const name of names) expect(overlaps(box, name)).toBe(false);
        }
      }),
    );
  });

  it('shows the brand: logo as a data: image, firm, contact, colour and a footer that cannot break out of the stylesheet', async () => {
    const mueller = await brand('test/fixtures/brand/mueller.yaml');
    const page = renderHtml(crowdedReport(2), { brand: { ...mueller, footer: 'Müller & Søn"; } </style><script>alert(1)</script>' } });
    expect(page).toMatch(/<header class="masthead"><img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Müller &amp; Søn Beratung">/);
    expect(page).toContain('<p class="firm">Müller &amp; Søn Beratung</p><p class="contact">hello@mueller-son.example · +48 42 123 45 67 (Łódź)</p>');
    expect(page).toContain('--accent: #7a2e8c;');
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(page).not.toContain('<script');
    expect(page).toContain('@bottom-left { content: "M\\fc ller \\26  S\\f8 n\\22 \\3b  \\7d  \\3c \\2f style');
  });

  it('embeds an SVG logo as an image, never as markup', async () => {
    const page = renderHtml(crowdedReport(1), { brand: await brand('test/fixtures/brand/svg-logo.yaml') });
    expect(page).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Ærø &amp; Co Consulting">/);
    expect(page).not.toMatch(/<script|evil\.example|logo\.png/);
  });
});
