'use client';
import { Circle, Group, Text } from 'react-konva';
import { NOTE_FONT_FAMILY } from './fit-text';

export interface CornerMarkProps {
  /** Konva name of the group; the text is named `<name>-count` so tests can read it. */
  name: string;
  /** Centre of the mark, in the note's coordinates. */
  x: number;
  y: number;
  radius: number;
  color: string;
  text: string;
  fontSize: number;
}

/**
 * A round mark with a short white label in a note's corner: the dot-vote count, the open
 * comment threads, the "?" of an untested hypothesis. One component so they all read alike.
 */
export function CornerMark({ name, x, y, radius, color, text, fontSize }: CornerMarkProps) {
  return (
    <Group name={name} x={x} y={y} listening={false}>
      <Circle radius={radius} fill={color} />
      <Text
        name={`${name}-count`}
        x={-radius}
        y={-radius}
        width={2 * radius}
        height={2 * radius}
        text={text}
        align="center"
        verticalAlign="middle"
        fontFamily={NOTE_FONT_FAMILY}
        fontSize={fontSize}
        fontStyle="bold"
        fill="#ffffff"
      />
    </Group>
  );
}
