import type { Point, Rect } from './geometry';
import { isNoteId, type NoteId } from './ids';
import { isRole, type Role } from './roles';

/**
 * What each participant shares through Yjs awareness (never stored, gone when they leave).
 * Peers and hostile clients can send anything: the sync server reads every state with
 * readPresence before relaying it (server/rooms/awareness-gate.ts), and each client reads
 * what it receives with it again before the UI sees it (lib/sync/presence.ts).
 */
export interface PresenceUser {
  /** Stable per browser (lib/identity.ts), so one person in two tabs is recognisable. */
  id: string;
  name: string;
  /** CSS colour of their cursor, avatar and editing outline. */
  color: string;
}

export interface PresenceState {
  user: PresenceUser;
  /** Pointer position in board units, or null when the pointer is off the canvas. */
  cursor: Point | null;
  /** The note whose text they are editing. */
  editing: NoteId | null;
  /** Notes they have selected. */
  selection: NoteId[];
  /**
   * The part of the board on their screen, shared only while they lead a follow me. The
   * server relays it from a facilitator's connection only.
   */
  view: Rect | null;
  /**
   * The role their link grants, written by the server over whatever the client sent; null
   * on one's own state (never stamped) and from a server that does not stamp.
   */
  role: Role | null;
}

const MAX_NAME_LENGTH = 40;
const MAX_USER_ID_LENGTH = 64;
const MAX_SELECTION_SHOWN = 500; // bounds the work a hostile peer can cause per update
const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
const FALLBACK_COLOR = '#888888';

function readPoint(value: unknown): Point | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y } = value as Record<string, unknown>;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x + y) ? { x, y } : null;
}

function readRect(value: unknown): Rect | null {
  const corner = readPoint(value);
  if (!corner) return null;
  const { width, height } = value as Record<string, unknown>;
  return typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0
    ? { ...corner, width, height }
    : null;
}

/** A presence state with every field checked, or null when it is not one (no user). */
export function readPresence(value: unknown): PresenceState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Record<string, unknown>;
  const user = state.user as Record<string, unknown> | undefined;
  if (typeof user !== 'object' || user === null) return null;
  if (typeof user.id !== 'string' || typeof user.name !== 'string') return null;
  const color =
    typeof user.color === 'string' && COLOR_PATTERN.test(user.color) ? user.color : FALLBACK_COLOR;
  const selection = Array.isArray(state.selection)
    ? state.selection.slice(0, MAX_SELECTION_SHOWN).filter(isNoteId)
    : [];
  return {
    user: {
      id: user.id.slice(0, MAX_USER_ID_LENGTH),
      name: user.name.slice(0, MAX_NAME_LENGTH),
      color,
    },
    cursor: readPoint(state.cursor),
    editing: isNoteId(state.editing) ? state.editing : null,
    selection,
    view: readRect(state.view),
    role: isRole(state.role) ? state.role : null,
  };
}
