import * as Y from 'yjs';
import { META_KEYS, ROOT, SCHEMA_VERSION, type BoardMeta } from '../model';
import { SERVER_ORIGIN } from './origins';

/** The root shared types of a board document (see lib/model/schema.ts). */
export interface BoardRoots {
  meta: Y.Map<unknown>;
  notes: Y.Map<Y.Map<unknown>>;
}

export function boardRoots(doc: Y.Doc): BoardRoots {
  return {
    meta: doc.getMap<unknown>(ROOT.meta),
    notes: doc.getMap<Y.Map<unknown>>(ROOT.notes),
  };
}

/** Writes the fields of a brand-new board. Called once, by the server, when a board is created. */
export function initBoardDoc(doc: Y.Doc, init: { title: string; createdAt: number }): void {
  const { meta } = boardRoots(doc);
  doc.transact(() => {
    meta.set(META_KEYS.schemaVersion, SCHEMA_VERSION);
    meta.set(META_KEYS.title, init.title);
    meta.set(META_KEYS.createdAt, init.createdAt);
  }, SERVER_ORIGIN);
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const { meta } = boardRoots(doc);
  const version = meta.get(META_KEYS.schemaVersion);
  const title = meta.get(META_KEYS.title);
  const createdAt = meta.get(META_KEYS.createdAt);
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    title: typeof title === 'string' ? title : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}
