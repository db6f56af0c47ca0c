import { compare, type EarlierAudit } from '../audit/compare.js';
import type { ChangeItem, Report, Score } from '../generated/report.js';

/** One audit of the series: from an answers file scored with today's checklists, or a JSON report. */
export interface AuditPoint {
  file: string;
  /** YYYY-MM-DD. */
  date: string;
  client: string | null;
  /** The audit as a comparison sees it. */
  earlier: EarlierAudit;
  /** The whole report, when the file gives one (answers, or a report of schemaVersion 2). */
  report: Report | null;
}

export interface HistoryEntry {
  file: string;
  date: string;
  score: Score | { value: number | null; low: number | null; high: number | null; provisional: boolean };
  checklists: { id: string; low: number | null }[];
  /** What changed since the audit before, when both are known in full. */
  changes: { scoreChange: number | null; fixed: ChangeItem[]; regressed: ChangeItem[]; newFindings: ChangeItem[] } | null;
}

export interface History {
  schemaVersion: 1;
  client: string | null;
  checklists: { id: string; title: string }[];
  audits: HistoryEntry[];
}

/** "acme gmbh" and "Acme GmbH " are one client. */
const sameClient = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The clients of the points, if they are more than one: a history mixes
 * no two businesses. A file that names no client fits any.
 */
export function mixedClients(points: readonly AuditPoint[]): Map<string, string[]> | undefined {
  const clients = new Map<string, string[]>();
  for (const p of points) {
    if (!p.client) continue;
    const known = [...clients.keys()].find((c) => sameClient(c, p.client!)) ?? p.client;
    clients.set(known, [...(clients.get(known) ?? []), p.file]);
  }
  return clients.size > 1 ? clients : undefined;
}

/**
 * The series in time order (a tie keeps the order given), with what changed
 * between each audit and the one before it.
 */
export function buildHistory(points: readonly AuditPoint[], checklists: readonly { id: string; title: string }[]): History {
  const ordered = points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.date.localeCompare(b.p.date) || a.i - b.i)
    .map(({ p }) => p);
  const audits = ordered.map((p, i): HistoryEntry => {
    const previous = ordered[i - 1];
    const score = p.report ? p.report.score : { value: p.earlier.score, low: p.earlier.score, high: p.earlier.score, provisional: false };
    const comparison = previous && p.report ? compare(p.report, previous.earlier) : null;
    return {
      file: p.file,
      date: p.date,
      score,
      checklists: checklists.map((c) => ({ id: c.id, low: p.earlier.checklists.get(c.id) ?? null })),
      changes: comparison
        ? { scoreChange: comparison.scoreChange, fixed: comparison.fixed, regressed: comparison.regressed, newFindings: comparison.newFindings }
        : null,
    };
  });
  const client = ordered.find((p) => p.client)?.client ?? null;
  return { schemaVersion: 1, client, checklists: [...checklists], audits };
}
