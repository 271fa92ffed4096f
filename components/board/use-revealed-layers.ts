import { useEffect, useState } from 'react';

/** Every layer shown: once the board has been revealed whole, a new layer shows at once. */
const ALL_LAYERS = Number.POSITIVE_INFINITY;

/**
 * How many notes layers to draw, counting up by one a frame until all are drawn. On opening a
 * 2,000-note board, rendering every note node in one task took ~600 ms before anything was
 * drawn (a Chromium trace of bench/frame-time.ts); a layer a frame draws the first notes
 * early and keeps each task near a layer's worth of nodes. Only the first reveal counts up:
 * it ends once more than one layer was shown (a board fits in one layer until it syncs, and
 * while it is small: that layer is always drawn).
 */
export function useRevealedLayers(total: number): number {
  const [revealed, setRevealed] = useState(1);
  useEffect(() => {
    if (revealed >= total) {
      if (total > 1 && revealed !== ALL_LAYERS) setRevealed(ALL_LAYERS);
      return;
    }
    const frame = requestAnimationFrame(() => setRevealed((count) => count + 1));
    return () => cancelAnimationFrame(frame);
  }, [revealed, total]);
  return revealed;
}
