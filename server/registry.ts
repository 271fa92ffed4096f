import { isBoardId, type BoardId, type Role } from '../lib/model';

/**
 * A process-wide handle on the board store for code that runs in the same process as the
 * server but is bundled separately: the Next pages (app/b/[id]/page.tsx asks whether a board
 * exists, and which role its link grants, before rendering it). Next compiles its own copy of every module it imports, so a
 * module-level variable would not be shared; globalThis is. The server sets it when it
 * starts and clears it when it closes. This file must stay free of native imports, since
 * Next bundles it.
 */
export interface BoardDirectory {
  /** True when a board with this id was created; false for unknown or malformed ids. */
  boardExists(id: string): Promise<boolean>;
  /** The role a link's token grants on the board; null for a wrong or missing token. */
  roleFor(id: string, token: string | null): Promise<Role | null>;
}

declare global {
  var __lienzoDirectory: BoardDirectory | undefined;
}

/** The running server's directory, or null when no server runs in this process (next build). */
export function getBoardDirectory(): BoardDirectory | null {
  return globalThis.__lienzoDirectory ?? null;
}

export function setBoardDirectory(directory: BoardDirectory | null): void {
  globalThis.__lienzoDirectory = directory ?? undefined;
}

/** A directory over functions that expect well-formed ids. */
export function boardDirectory(board: {
  exists(id: BoardId): Promise<boolean>;
  roleFor(id: BoardId, token: string | null): Promise<Role | null>;
}): BoardDirectory {
  return {
    boardExists: async (id) => isBoardId(id) && board.exists(id),
    roleFor: async (id, token) => (isBoardId(id) ? board.roleFor(id, token) : null),
  };
}
