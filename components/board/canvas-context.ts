'use client';
import { createContext } from 'react';
import type { DecorationStore } from '@/lib/session/note-decorations';

type Decorations = Pick<DecorationStore, 'subscribe' | 'get' | 'getFaded'>;

const NO_FADED: ReadonlySet<never> = new Set();

/** The open board's note decorations (lib/session/note-decorations.ts); none outside a board. */
export const DecorationsContext = createContext<Decorations>({
  subscribe: () => () => {},
  get: () => null,
  getFaded: () => NO_FADED,
});
