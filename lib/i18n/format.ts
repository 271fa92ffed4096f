/**
 * Locale-aware formatting of numbers and times through Intl, so dates read naturally in
 * each language ("3 days ago", "hace 3 días"). Pure: the current time is passed in.
 */
import type { Locale } from './locale';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
const MONTH_MS = 30 * DAY_MS; // close enough for "about n months ago"
const YEAR_MS = 365 * DAY_MS;

/** Below this, a time reads as "now" rather than "12 seconds ago". */
const JUST_NOW_MS = 45 * SECOND_MS;

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', YEAR_MS],
  ['month', MONTH_MS],
  ['week', WEEK_MS],
  ['day', DAY_MS],
  ['hour', HOUR_MS],
  ['minute', MINUTE_MS],
];

/** "5 minutes ago", "yesterday", "hace 2 semanas": the largest unit that fits. */
export function formatRelativeTime(thenMs: number, nowMs: number, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const elapsed = thenMs - nowMs; // negative in the past
  if (Math.abs(elapsed) < JUST_NOW_MS) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(Math.round(elapsed / size), unit);
  }
  return format.format(Math.round(elapsed / MINUTE_MS), 'minute');
}

/** A date and time such as "25 Nov 2026, 14:05" in the reader's language. */
export function formatDateTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A zoom factor as a whole percentage: 1 → "100%" (en), "100 %" (es). */
export function formatPercent(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    ratio,
  );
}
