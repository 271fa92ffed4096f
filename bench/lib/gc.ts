import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// The bench runs under plain `tsx` (npm run bench), without --expose-gc. V8 still exposes
// gc() to contexts created after the flag is set.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A full collection in the bench process, before a timed window (not inside one). */
export function collectBenchGarbage(): void {
  gc();
}
