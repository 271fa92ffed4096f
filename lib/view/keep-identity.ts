/**
 * Helpers that keep a derived value's identity while its content is the same, so a selector
 * read through useSyncExternalStore re-renders nothing when what it reads did not change.
 */

/** `previous` when both lists hold the same items in the same order (compared by identity). */
export function sameList<T>(previous: readonly T[], next: readonly T[]): readonly T[] {
  if (previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous;
}

/** `previous` when both plain JSON values are equal (small workshop and presence records). */
export function sameJson<T>(previous: T, next: T): T {
  return JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}
