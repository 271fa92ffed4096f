import type { NoteId, Point, Rect } from '../model';
import { isNoteId } from '../model';

/**
 * What each participant shares through Yjs awareness (never stored, gone when they leave).
 * Peers can send anything, so readPeers validates every state before the UI sees it.
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
  /** The part of the board on their screen, shared only while they lead a follow me. */
  view: Rect | null;
}

/** A participant as the UI shows them; clientId is Yjs's id for their connection. */
export interface Peer extends PresenceState {
  clientId: number;
  isSelf: boolean;
}

const MAX_NAME_LENGTH = 40;
const MAX_SELECTION_SHOWN = 500; // bounds the work a hostile peer can cause per update
const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

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

export function readPresence(value: unknown): PresenceState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Record<string, unknown>;
  const user = state.user as Record<string, unknown> | undefined;
  if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') return null;
  const color =
    typeof user.color === 'string' && COLOR_PATTERN.test(user.color) ? user.color : '#888888';
  const selection = Array.isArray(state.selection)
    ? state.selection.slice(0, MAX_SELECTION_SHOWN).filter(isNoteId)
    : [];
  return {
    user: { id: user.id.slice(0, 64), name: user.name.slice(0, MAX_NAME_LENGTH), color },
    cursor: readPoint(state.cursor),
    editing: isNoteId(state.editing) ? state.editing : null,
    selection,
    view: readRect(state.view),
  };
}

/** Every participant with a valid state, self first, then by name. */
export function readPeers(states: Map<number, unknown>, selfClientId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, raw] of states) {
    const state = readPresence(raw);
    if (state) peers.push({ ...state, clientId, isSelf: clientId === selfClientId });
  }
  return peers.sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.user.name.localeCompare(b.user.name),
  );
}

/** Changes some of this participant's shared fields (cursor, editing, selection). */
export function updatePresence(
  awareness: { getLocalState(): Record<string, unknown> | null; setLocalState(s: unknown): void },
  patch: Partial<PresenceState>,
): void {
  const current = awareness.getLocalState();
  if (!current) return;
  awareness.setLocalState({ ...current, ...patch });
}
