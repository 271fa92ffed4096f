'use client';
import { memo } from 'react';
import { Group, Layer, Rect, Text } from 'react-konva';
import { BLOCK_IDS, BLOCK_RECTS, BOARD_HEIGHT, BOARD_WIDTH, type BlockId } from '@/lib/model';
import { NOTE_FONT_FAMILY } from './fit-text';

export interface BlockLabel {
  title: string;
  /** The faint guiding question shown while the block is empty. */
  question: string;
}

/** Accent colour of each block's title marker: related blocks share a hue. */
const BLOCK_ACCENTS: Record<BlockId, string> = {
  keyPartners: '#7c3aed',
  keyActivities: '#7c3aed',
  keyResources: '#7c3aed',
  valuePropositions: '#dc2626',
  customerRelationships: '#2563eb',
  channels: '#2563eb',
  customerSegments: '#2563eb',
  costStructure: '#b45309',
  revenueStreams: '#15803d',
};

const TITLE_INSET = 14;
const TITLE_SIZE = 17;
const QUESTION_SIZE = 15;

interface BlocksLayerProps {
  labels: Record<BlockId, BlockLabel>;
  /** Blocks that hold at least one note (their guiding question is hidden). */
  filledBlocks: ReadonlySet<BlockId>;
}

/** The nine blocks of the canvas: outlines, titles and guiding questions. Not interactive. */
export const BlocksLayer = memo(function BlocksLayer({ labels, filledBlocks }: BlocksLayerProps) {
  return (
    <Layer listening={false}>
      <Rect x={0} y={0} width={BOARD_WIDTH} height={BOARD_HEIGHT} fill="#ffffff" />
      {BLOCK_IDS.map((id) => {
        const rect = BLOCK_RECTS[id];
        const label = labels[id];
        return (
          <Group key={id} x={rect.x} y={rect.y}>
            <Rect width={rect.width} height={rect.height} stroke="#c9ced6" strokeWidth={2} />
            <Rect
              x={TITLE_INSET}
              y={TITLE_INSET + 3}
              width={12}
              height={12}
              cornerRadius={3}
              fill={BLOCK_ACCENTS[id]}
            />
            <Text
              x={TITLE_INSET + 20}
              y={TITLE_INSET}
              width={rect.width - 2 * TITLE_INSET - 20}
              text={label.title}
              fontFamily={NOTE_FONT_FAMILY}
              fontSize={TITLE_SIZE}
              fontStyle="bold"
              fill="#24292f"
            />
            {!filledBlocks.has(id) && (
              <Text
                x={TITLE_INSET * 2}
                y={rect.height / 2 - QUESTION_SIZE * 2}
                width={rect.width - 4 * TITLE_INSET}
                text={label.question}
                align="center"
                fontFamily={NOTE_FONT_FAMILY}
                fontSize={QUESTION_SIZE}
                fontStyle="italic"
                lineHeight={1.35}
                fill="#8c959f"
              />
            )}
          </Group>
        );
      })}
    </Layer>
  );
});
