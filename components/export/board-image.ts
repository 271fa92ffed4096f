/**
 * The whole canvas as an image, as it looks on screen: the nine blocks, every note, badges
 * and connectors, whatever the current zoom and pan. Drawn by Konva from the board's stage
 * over the board's full frame (lib/model/layout), at EXPORT_PIXELS_PER_UNIT whatever the
 * zoom, on white. Selection handles and other people's cursors are left out: they belong to
 * the moment, not to the board.
 */
import type Konva from 'konva';
import { BOARD_RECT } from '@/lib/model/layout';
import { REMOTE_CURSORS_NAME } from '@/components/board/remote-cursors';

/** Image pixels per board unit: 2 gives a 4000 × 2600 image, sharp when printed or zoomed. */
export const EXPORT_PIXELS_PER_UNIT = 2;
const BACKGROUND = '#ffffff';

/** The stage of the board on this page (there is one; Konva keeps a list of all). */
async function boardStage(): Promise<Konva.Stage> {
  const { default: KonvaRuntime } = await import('konva');
  const stage = KonvaRuntime.stages.find((candidate) => candidate.container().isConnected);
  if (!stage) throw new Error('the board is not on this page');
  return stage;
}

/** Layers and shapes drawn for this moment only: selection handles, remote cursors. */
function transientNodes(stage: Konva.Stage): Konva.Node[] {
  const handles = stage.find('Transformer');
  const cursors = stage.find(`.${REMOTE_CURSORS_NAME}`);
  return [...handles, ...cursors].filter((node) => node.visible());
}

export async function renderBoardImage(
  pixelsPerUnit = EXPORT_PIXELS_PER_UNIT,
): Promise<HTMLCanvasElement> {
  const stage = await boardStage();
  const scale = stage.scaleX();
  const hidden = transientNodes(stage);
  for (const node of hidden) node.visible(false);
  try {
    // The region is in the stage container's pixels: the board frame under the current view.
    const drawn = stage.toCanvas({
      x: stage.x() + BOARD_RECT.x * scale,
      y: stage.y() + BOARD_RECT.y * scale,
      width: BOARD_RECT.width * scale,
      height: BOARD_RECT.height * scale,
      pixelRatio: pixelsPerUnit / scale,
    });
    const image = document.createElement('canvas');
    image.width = drawn.width;
    image.height = drawn.height;
    const context = image.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = BACKGROUND;
    context.fillRect(0, 0, image.width, image.height);
    context.drawImage(drawn, 0, 0);
    return image;
  } finally {
    for (const node of hidden) node.visible(true);
    stage.batchDraw();
  }
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))),
      'image/png',
    ),
  );
}

/**
 * One landscape page holding the image, scaled to fit with a margin, with the title above.
 * jsPDF is loaded only when someone exports a PDF.
 */
export async function canvasToPdf(canvas: HTMLCanvasElement, title: string): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a4', compress: true });
  const page = {
    width: pdf.internal.pageSize.getWidth(),
    height: pdf.internal.pageSize.getHeight(),
  };
  const margin = 24;
  const titleHeight = 22;
  pdf.setProperties({ title, creator: 'Lienzo' });
  pdf.setFontSize(14);
  pdf.text(title, margin, margin + 10);
  const room = { width: page.width - 2 * margin, height: page.height - 2 * margin - titleHeight };
  const fit = Math.min(room.width / canvas.width, room.height / canvas.height);
  const size = { width: canvas.width * fit, height: canvas.height * fit };
  const x = (page.width - size.width) / 2;
  pdf.addImage(canvas, 'PNG', x, margin + titleHeight, size.width, size.height, undefined, 'FAST');
  return pdf.output('blob');
}
