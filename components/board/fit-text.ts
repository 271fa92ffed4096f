import Konva from 'konva';

/** Font sizes tried, largest first: readable at 100% zoom, shrinking before overflowing. */
const FONT_SIZES = [18, 16, 14, 13, 12, 11, 10, 9, 8] as const;
export const NOTE_FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const NOTE_PADDING = 10;
const LINE_HEIGHT = 1.25;
const CACHE_LIMIT = 5000; // entries; one per distinct (text, size) seen, cleared when full

let measurer: Konva.Text | null = null;
const cache = new Map<string, number>();

/**
 * The largest font size at which `text` wraps inside a box of the given size. Measured with
 * an off-screen Konva.Text (the same layout engine that draws it), and cached, since a board
 * re-renders notes far more often than their text or size changes.
 */
export function fitFontSize(text: string, width: number, height: number): number {
  const key = `${width}x${height}:${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  measurer ??= new Konva.Text({
    fontFamily: NOTE_FONT_FAMILY,
    wrap: 'word',
    lineHeight: LINE_HEIGHT,
  });
  measurer.setAttrs({ text, width });
  let chosen: number = FONT_SIZES[FONT_SIZES.length - 1]!;
  for (const size of FONT_SIZES) {
    measurer.fontSize(size);
    if (measurer.height() <= height) {
      chosen = size;
      break;
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, chosen);
  return chosen;
}

export const NOTE_LINE_HEIGHT = LINE_HEIGHT;
