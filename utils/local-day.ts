/**
 * The calendar day a publication date falls on for a reader, as the pages show it: a date alone
 * ("2026-10-08") is that day wherever the reader is; a moment (stored in UTC,
 * "2026-10-09T05:30:00.000Z") is the day the reader's clock showed then, in their time zone
 * (Oct 8 in Los Angeles). Removing articles by date and the statistics' first and last days go
 * by it, so they agree with the dates shown (components/OutletList formatDate).
 */

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `value` is a date alone ("2026-10-08"), not a moment. */
export function isDateOnly(value: string): boolean {
  return DAY_ONLY.test(value.trim());
}

/** Whether `value` is a date alone that the calendar has ("2026-02-30" is none). */
export function isCalendarDay(value: string): boolean {
  if (!DAY_ONLY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whether `timeZone` is a time zone name this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The day (`YYYY-MM-DD`) `published` is shown on in `timeZone` (UTC when not given), or null
 * when it is not a date.
 */
export function dayShown(published: string, timeZone = 'UTC'): string | null {
  const s = published.trim();
  if (DAY_ONLY.test(s)) return s;
  const time = Date.parse(s);
  if (Number.isNaN(time)) return null;
  const parts = formatter(timeZone).formatToParts(time);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year');
  if (!/^\d{4}$/.test(year)) return null;
  return `${year}-${part('month')}-${part('day')}`;
}

/** The day `n` days after `day` (`YYYY-MM-DD`; n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
