/**
 * The boards opened in this browser, for the home page: most recent first, one entry per
 * board, at most MAX_RECENT_BOARDS. Kept in localStorage as JSON; anything unreadable in
 * there (another version's format, a hand edit) is skipped rather than breaking the page.
 * Pure: storage is passed in.
 */
import { isBoardId } from './model/ids';
import { MAX_TITLE_LENGTH } from './model/schema';
import { readItem, writeItem, type StorageLike } from './storage';

export const RECENT_BOARDS_KEY = 'lienzo.recentBoards';
export const MAX_RECENT_BOARDS = 30;

export interface RecentBoard {
  /** The board id, the secret part of its link (/b/<id>). */
  readonly id: string;
  /** The title when the board was last opened or renamed here. */
  readonly title: string;
  /** When the board was last opened in this browser, milliseconds since the epoch. */
  readonly openedAt: number;
  /**
   * The link it was opened with, as a path with its token (/b/<id>?t=<token>), so the home
   * page reopens it in the same role. Absent for entries saved before links had tokens.
   */
  readonly path?: string;
}

/** A link of this board on this origin: /b/<id>?... and nothing else. */
function isBoardPath(path: unknown, id: string): path is string {
  return typeof path === 'string' && path.startsWith(`/b/${id}?`) && path.length < 512;
}

/** Where a remembered board opens: its link with token, or the bare address of old entries. */
export function recentBoardHref(board: RecentBoard): string {
  return board.path ?? `/b/${encodeURIComponent(board.id)}`;
}

function parseEntry(raw: unknown): RecentBoard | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, title, openedAt, path } = raw as Record<string, unknown>;
  if (!isBoardId(id) || typeof title !== 'string') return null;
  if (typeof openedAt !== 'number' || !Number.isFinite(openedAt)) return null;
  const entry = { id, title: title.slice(0, MAX_TITLE_LENGTH), openedAt };
  return isBoardPath(path, id) ? { ...entry, path } : entry;
}

/** Sorted newest first, one entry per id (its newest), capped. */
export function normalizeRecentBoards(entries: readonly RecentBoard[]): RecentBoard[] {
  const newestFirst = [...entries].sort((a, b) => b.openedAt - a.openedAt);
  const seen = new Set<string>();
  const unique = newestFirst.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
  return unique.slice(0, MAX_RECENT_BOARDS);
}

/** Reads the list from its stored JSON text; null, garbage or a wrong shape give []. */
export function parseRecentBoards(json: string | null): RecentBoard[] {
  if (json === null) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const entries = raw.map(parseEntry).filter((entry): entry is RecentBoard => entry !== null);
  return normalizeRecentBoards(entries);
}

export function loadRecentBoards(storage: StorageLike | null): RecentBoard[] {
  return parseRecentBoards(readItem(storage, RECENT_BOARDS_KEY));
}

function save(storage: StorageLike | null, entries: RecentBoard[]): RecentBoard[] {
  writeItem(storage, RECENT_BOARDS_KEY, JSON.stringify(entries));
  return entries;
}

/**
 * Records that a board was opened (or created), by default now; returns the new list. Call
 * it again when the title changes: the entry is replaced, not duplicated.
 */
export function rememberBoard(
  storage: StorageLike | null,
  board: Omit<RecentBoard, 'openedAt'> & { readonly openedAt?: number },
): RecentBoard[] {
  const current = loadRecentBoards(storage);
  const previous = current.find((existing) => existing.id === board.id);
  // A link opened without a path (or a rename) keeps the one remembered before.
  const entry = parseEntry({
    path: previous?.path,
    ...board,
    openedAt: board.openedAt ?? Date.now(),
  });
  if (!entry) return current;
  const others = current.filter((existing) => existing.id !== entry.id);
  return save(storage, normalizeRecentBoards([entry, ...others]));
}

/**
 * Updates the remembered title of a board (renamed by anyone) without moving it in the
 * list; does nothing for a board that is not in the list.
 */
export function renameRecentBoard(
  storage: StorageLike | null,
  id: string,
  title: string,
): RecentBoard[] {
  const current = loadRecentBoards(storage);
  const existing = current.find((entry) => entry.id === id);
  if (!existing || existing.title === title) return current;
  const renamed = current.map((entry) =>
    entry.id === id ? { ...entry, title: title.slice(0, MAX_TITLE_LENGTH) } : entry,
  );
  return save(storage, renamed);
}

/** Removes a board from the list (e.g. it no longer exists on the server). */
export function forgetBoard(storage: StorageLike | null, id: string): RecentBoard[] {
  const current = loadRecentBoards(storage);
  if (!current.some((entry) => entry.id === id)) return current;
  return save(
    storage,
    current.filter((entry) => entry.id !== id),
  );
}
