/** BENCH_QUICK=1: a smaller run (fewer clients, moves and notes) to check the suite works. */
export const QUICK = process.env.BENCH_QUICK === '1';

/** The full-run value, or the quick one under BENCH_QUICK=1. */
export function sized<T>(full: T, quick: T): T {
  return QUICK ? quick : full;
}
