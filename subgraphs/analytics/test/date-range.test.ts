import { describe, expect, it } from 'vitest';
import { countDays, listDays, parseDateRange } from '../src/domain/date-range.ts';

describe('date range', () => {
  it('accepts a single day', () => {
    expect(parseDateRange('2026-01-31', '2026-01-31')).toEqual({ from: '2026-01-31', to: '2026-01-31' });
  });

  it('lists days across a month end', () => {
    expect(listDays({ from: '2024-02-28', to: '2024-03-01' })).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('counts a leap year as 366 days', () => {
    expect(countDays({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
    expect(() => parseDateRange('2024-01-01', '2024-12-31')).not.toThrow();
  });

  it('rejects from after to', () => {
    expect(() => parseDateRange('2026-01-02', '2026-01-01')).toThrow('from "2026-01-02" is after to "2026-01-01"; give a range whose from is on or before its to.');
  });

  it('rejects 367 days with the count', () => {
    expect(() => parseDateRange('2025-01-01', '2026-01-02')).toThrow(
      'The range from "2025-01-01" to "2026-01-02" covers 367 days; at most 366 are allowed, so ask for a shorter range or split it into several.',
    );
  });

  it('rejects with the BAD_USER_INPUT code', () => {
    try {
      parseDateRange('2026-01-02', '2026-01-01');
      expect.unreachable();
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});
