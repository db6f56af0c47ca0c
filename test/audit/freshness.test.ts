import { describe, expect, it } from 'vitest';
import { checkedDay, dayOf, expiryDay, isStale } from '../../src/audit/freshness.js';

describe('how long an answer stays true', () => {
  it('adds days, weeks, months and years in UTC, keeping the day of the month or the month’s last day', () => {
    expect(expiryDay('2026-01-10', '6 months')).toBe('2026-07-10');
    expect(expiryDay('2026-01-31', '1 month')).toBe('2026-02-28');
    expect(expiryDay('2024-02-29', '1 year')).toBe('2025-02-28');
    expect(expiryDay('2026-12-30', '3 days')).toBe('2027-01-02');
    expect(expiryDay('2026-03-01', '2 weeks')).toBe('2026-03-15');
    expect(expiryDay('2026-08-31', '18 months')).toBe('2028-02-29');
  });

  it('reads ISO 8601 dates and times as UTC days, and refuses days that do not exist', () => {
    expect(dayOf('2026-03-01')).toBe('2026-03-01');
    expect(dayOf('2026-03-01T23:30:00Z')).toBe('2026-03-01');
    expect(dayOf('2026-03-01T23:30:00-02:00')).toBe('2026-03-02');
    expect(dayOf('2026-02-30')).toBeUndefined();
    expect(dayOf('last Tuesday')).toBeUndefined();
    expect(dayOf('01/03/2026')).toBeUndefined();
  });

  it('counts from the later of when it was given and when its evidence was checked', () => {
    expect(checkedDay({ answer: 'yes', at: '2026-01-10T09:00:00Z', evidence: [{ ref: 'https://example.com/order-42', checked: '2026-04-02' }] })).toBe(
      '2026-04-02',
    );
    expect(checkedDay({ answer: 'yes' })).toBeUndefined();
  });

  it('is stale from the day after its expiry day, and never without a validFor or a date', () => {
    const q = { validFor: '6 months' };
    const record = { answer: 'yes' as const, at: '2026-01-10T09:00:00Z' };
    expect(isStale(q, record, '2026-07-10')).toBe(false);
    expect(isStale(q, record, '2026-07-11')).toBe(true);
    expect(isStale({ validFor: undefined }, record, '2030-01-01')).toBe(false);
    expect(isStale(q, { answer: 'yes' }, '2030-01-01')).toBe(false);
  });
});
