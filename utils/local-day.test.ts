import { describe, expect, it } from 'vitest';
import { addDays, dayShown, isTimeZone } from './local-day';
import { formatDate } from '@/components/OutletList';

describe('dayShown', () => {
  it('puts a moment on the day it was in the time zone, a date alone on that day', () => {
    expect(dayShown('2026-10-09T05:30:00.000Z', 'America/Los_Angeles')).toBe('2026-10-08');
    expect(dayShown('2026-10-09T05:30:00.000Z', 'UTC')).toBe('2026-10-09');
    expect(dayShown('2026-10-08T20:00:00.000Z', 'Asia/Singapore')).toBe('2026-10-09');
    expect(dayShown('2026-10-08', 'America/Los_Angeles')).toBe('2026-10-08');
    expect(dayShown('2026-10-08', 'Pacific/Kiritimati')).toBe('2026-10-08');
    expect(dayShown('not a date', 'UTC')).toBeNull();
  });

  it('follows daylight-saving changes', () => {
    // Berlin leaves summer time on 2026-10-25 at 01:00 UTC (UTC+2, then UTC+1).
    expect(dayShown('2026-10-24T22:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25');
    expect(dayShown('2026-10-25T22:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25');
    expect(dayShown('2026-10-25T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-26');
    // Los Angeles enters summer time on 2026-03-08 (UTC-8, then UTC-7).
    expect(dayShown('2026-03-08T07:30:00.000Z', 'America/Los_Angeles')).toBe('2026-03-07');
    expect(dayShown('2026-03-09T06:30:00.000Z', 'America/Los_Angeles')).toBe('2026-03-08');
    expect(dayShown('2026-03-09T07:30:00.000Z', 'America/Los_Angeles')).toBe('2026-03-09');
  });

  it('gives the day the page shows (formatDate)', () => {
    const dates = ['2026-10-09T05:30:00.000Z', '2026-10-08', '2026-12-31T23:59:00.000Z', '2026-01-01T00:00:00.000Z', '2026-10-25T23:30:00.000Z'];
    for (const tz of ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Singapore', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      for (const d of dates) expect(formatDate(dayShown(d, tz), tz), `${d} in ${tz}`).toBe(formatDate(d, tz));
    }
  });

  it('knows time zone names and counts days', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
