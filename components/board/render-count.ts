import { testHookEnabled } from './test-hook-flag';

/**
 * Counts renders of the page's parts, in test builds only (the test hook's flag), so an e2e
 * test can tell which parts a change re-rendered (e2e/render-counts.spec.ts). React's
 * Profiler reports nothing in production builds, so each part counts itself.
 */
const counts = new Map<string, number>();
let enabled: boolean | null = null;

/** Called in a part's body: one more render of `part` (a note's node is `note:<id>`). */
export function countRender(part: string): void {
  enabled ??= typeof window !== 'undefined' && testHookEnabled();
  if (enabled) counts.set(part, (counts.get(part) ?? 0) + 1);
}

export function renderCounts(): Record<string, number> {
  return Object.fromEntries(counts);
}

export function resetRenderCounts(): void {
  counts.clear();
}
