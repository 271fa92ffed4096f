'use client';
import { memo } from 'react';
import { Arrow, Layer } from 'react-konva';
import type { NoteId } from '@/lib/model';
import type { Connector } from '@/lib/view/connectors';

/** Channel links dashed, segment links solid: two kinds of link, told apart at a glance. */
const CONNECTOR_STYLE = {
  channels: { stroke: '#0e7490', dash: [8, 5] },
  segments: { stroke: '#7c3aed', dash: undefined },
} as const;
const FADED_OPACITY = 0.12;

interface ConnectorArrowsProps {
  connectors: readonly Connector[];
  /** Notes left out by the filter: their connectors fade with them. */
  faded: ReadonlySet<NoteId>;
  /** The connector being drawn with the connector tool, if any. */
  draft?: [number, number, number, number] | null;
}

/** Links from relationship notes to their channels and segments, under the notes. */
export const ConnectorsLayer = memo(function ConnectorsLayer(props: ConnectorArrowsProps) {
  return (
    <Layer listening={false}>
      <ConnectorArrows {...props} />
    </Layer>
  );
});

/** The arrows alone, to place in any layer (the drag layer draws the moving ones). */
export function ConnectorArrows({ connectors, faded, draft }: ConnectorArrowsProps) {
  return (
    <>
      {connectors.map((connector) => {
        const style = CONNECTOR_STYLE[connector.kind];
        return (
          <Arrow
            key={connector.key}
            points={connector.points}
            stroke={style.stroke}
            fill={style.stroke}
            dash={style.dash ? [...style.dash] : undefined}
            strokeWidth={2}
            pointerLength={9}
            pointerWidth={8}
            opacity={faded.has(connector.from) ? FADED_OPACITY : 0.85}
            perfectDrawEnabled={false}
            listening={false}
          />
        );
      })}
      {draft && (
        <Arrow
          points={draft}
          stroke="#2563eb"
          fill="#2563eb"
          strokeWidth={2}
          dash={[4, 4]}
          pointerLength={9}
          pointerWidth={8}
          listening={false} // the drop target is the note under the pointer, not this arrow
        />
      )}
    </>
  );
}
