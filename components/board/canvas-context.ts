'use client';
import { createContext } from 'react';
import type Konva from 'konva';
import type { NoteId } from '@/lib/model';
import type { DecorationStore } from '@/lib/session/note-decorations';

type Decorations = Pick<DecorationStore, 'subscribe' | 'get' | 'getFaded'>;

const NO_FADED: ReadonlySet<never> = new Set();

/** The open board's note decorations (lib/session/note-decorations.ts); none outside a board. */
export const DecorationsContext = createContext<Decorations>({
  subscribe: () => () => {},
  get: () => null,
  getFaded: () => NO_FADED,
});

/**
 * Each note's Konva group by id, filled by the note nodes as they mount: a grab and a drop
 * find their nodes at once, not by walking the stage's thousands of shapes.
 */
export type NoteNodes = Map<NoteId, Konva.Group>;

export const NoteNodesContext = createContext<NoteNodes>(new Map());
