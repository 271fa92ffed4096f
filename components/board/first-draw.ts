import type Konva from 'konva';

/**
 * When the notes layer first drew notes (performance.now(), the page's clock), for the frame
 * bench's "first byte to first drawn board" (bench/frame-time.ts, through the test hook).
 */
let firstDrawAt: number | null = null;

export function boardFirstDrawnAt(): number | null {
  return firstDrawAt;
}

/** Watches the notes layer until it has drawn notes once. Returns the unwatch. */
export function watchFirstDraw(layer: Konva.Layer): () => void {
  if (firstDrawAt !== null) return () => {};
  const onDraw = () => {
    if (layer.children.length === 0) return;
    firstDrawAt = performance.now();
    layer.off('draw.firstDraw');
  };
  layer.on('draw.firstDraw', onDraw);
  return () => layer.off('draw.firstDraw');
}
