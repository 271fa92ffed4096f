/**
 * Small pure helpers the overview and the filter bar share to show notes and amounts.
 */
import type { Locale } from '../i18n/locale';

/** Longest note title shown in a chip or a warning; the full text is in its tooltip. */
export const NOTE_TITLE_MAX_CHARS = 40;

/**
 * A note's text as a one-line title: its first non-empty line, cut at a word boundary near
 * `max` characters with an ellipsis. '' when the note has no text (callers show a fallback).
 */
export function noteTitle(text: string, max = NOTE_TITLE_MAX_CHARS): string {
  const line = text
    .split('\n')
    .map((part) => part.replace(/^[\s•*-]+/, '').trim())
    .find((part) => part.length > 0);
  if (!line) return '';
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * An amount in its currency, in the reader's language: 1200 EUR is "€1,200.00" (en) or
 * "1200,00 €" (es). A code Intl does not accept still shows, as "1200 XYZ".
 */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
  }
}
