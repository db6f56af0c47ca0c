import type { AnswerRecord } from '../answers/model.js';
import type { Question } from '../checklist/model.js';

/**
 * How long answers stay true. A question may say `validFor: 6 months`: an
 * answer describing a check (a test order, a read-through of the sign-up)
 * ages, and an old one must not count as today's truth. Dates are UTC; an
 * answer is good through the end of its expiry day.
 */

const UNIT = /^([1-9][0-9]{0,3}) (day|week|month|year)s?$/;

/** The day (YYYY-MM-DD) an answer given on `day` is last good, `validFor` later. Months and years keep the day of the month, or the month's last day. */
export function expiryDay(day: string, validFor: string): string {
  const match = UNIT.exec(validFor);
  if (!match) throw new Error(`not a validFor: ${validFor}`);
  const n = Number(match[1]);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let date: Date;
  switch (match[2]) {
    case 'day':
      date = new Date(Date.UTC(y, m - 1, d + n));
      break;
    case 'week':
      date = new Date(Date.UTC(y, m - 1, d + 7 * n));
      break;
    default: {
      const months = match[2] === 'year' ? 12 * n : n;
      const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
      date = new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
    }
  }
  return date.toISOString().slice(0, 10);
}

/** The UTC day of an ISO 8601 date or date-time, or undefined when it is not one. */
export function dayOf(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const time = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(time)) return undefined;
  const day = new Date(time).toISOString().slice(0, 10);
  // "2026-02-30" parses as March 2nd: not a real day.
  return text.length === 10 && day !== text ? undefined : day;
}

/** When the answer was last known true: the later of when it was given and when its evidence was checked. */
export function checkedDay(record: AnswerRecord): string | undefined {
  const days = [record.at, ...(record.evidence ?? []).map((e) => e.checked)].flatMap((t) => {
    const day = t === undefined ? undefined : dayOf(t);
    return day ? [day] : [];
  });
  return days.length ? days.sort().at(-1) : undefined;
}

/** Whether the answer is out of date on `today` (YYYY-MM-DD). An answer that does not say when it was given is taken as current. */
export function isStale(question: Pick<Question, 'validFor'>, record: AnswerRecord, today: string): boolean {
  if (!question.validFor) return false;
  const day = checkedDay(record);
  return day !== undefined && expiryDay(day, question.validFor) < today;
}
