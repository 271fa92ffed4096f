'use client';
import { memo } from 'react';
import { Group, Label, Path, Tag, Text } from 'react-konva';
import { usePeers } from '@/lib/react/use-session';
import { NOTE_FONT_FAMILY } from './fit-text';
import { countRender } from './render-count';

/** The group's name, by which the image export leaves the pointers out. */
export const REMOTE_CURSORS_NAME = 'remote-cursors';

/** An arrow pointer, 16 screen px tall, drawn at its tip. */
const POINTER_PATH = 'M0 0 L0 16 L4.5 12 L7.5 18.5 L10 17.5 L7 11 L12.5 11 Z';

/**
 * Other people's pointers with their names. Drawn at a constant screen size whatever the
 * zoom (scaled by 1/zoom), so a name tag stays readable when zoomed out. A group in the
 * canvas's overlay layer, not a layer of its own: every layer is a canvas the compositor
 * hands over on each frame (board-canvas.tsx, NOTES_PER_LAYER).
 */
export const RemoteCursors = memo(function RemoteCursors({ zoom }: { zoom: number }) {
  countRender('remote-cursors');
  const peers = usePeers();
  const inverse = 1 / zoom;
  return (
    <Group name={REMOTE_CURSORS_NAME} listening={false}>
      {peers.map((peer) =>
        peer.isSelf || !peer.cursor ? null : (
          <Group
            key={peer.clientId}
            x={peer.cursor.x}
            y={peer.cursor.y}
            scaleX={inverse}
            scaleY={inverse}
          >
            <Path data={POINTER_PATH} fill={peer.user.color} stroke="#fff" strokeWidth={1} />
            <Label x={12} y={18}>
              <Tag fill={peer.user.color} cornerRadius={4} />
              <Text
                text={peer.user.name}
                padding={4}
                fontFamily={NOTE_FONT_FAMILY}
                fontSize={12}
                fill="#fff"
              />
            </Label>
          </Group>
        ),
      )}
    </Group>
  );
});
