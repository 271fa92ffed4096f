import type * as Y from 'yjs';
import type { BoardId, NoteRecord } from '../model';
import { readBoard } from './read-board';

/** The board as the HTTP API returns it (GET /api/boards/:id). */
export interface BoardJson {
  id: BoardId;
  title: string;
  schemaVersion: number;
  createdAt: number;
  notes: NoteRecord[];
}

export function boardToJson(id: BoardId, doc: Y.Doc): BoardJson {
  const { meta, ordered } = readBoard(doc);
  return {
    id,
    title: meta.title,
    schemaVersion: meta.schemaVersion,
    createdAt: meta.createdAt,
    notes: [...ordered],
  };
}
