/**
 * Identifiers. Board ids are the secret part of a board's link, so they carry 128 random
 * bits (22 base64url characters) from the platform's CSPRNG and cannot be guessed. Note ids
 * only need to be unique within a board; they are prefixed so a stray id is recognisable.
 */
export type BoardId = string & { readonly __brand: 'BoardId' };
export type NoteId = `note_${string}` & { readonly __brand: 'NoteId' };

const BOARD_ID_BYTES = 16; // 128 bits
const NOTE_ID_BYTES = 12; // 96 bits: collisions between peers creating notes at once are out of reach
const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const NOTE_ID_PATTERN = /^note_[A-Za-z0-9_-]{16}$/;
export const VOTE_ID_PATTERN = /^vote_[A-Za-z0-9_-]{16}$/;

/** `bytes` random bytes from the platform's CSPRNG, as base64url without padding. */
export function randomBase64Url(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  let binary = '';
  for (const byte of buffer) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function newBoardId(): BoardId {
  return randomBase64Url(BOARD_ID_BYTES) as BoardId;
}

export function newNoteId(): NoteId {
  return `note_${randomBase64Url(NOTE_ID_BYTES)}` as NoteId;
}

/** A dot vote's id (lib/model/vote.ts): unique within the board, like a note's. */
export function newVoteId(): string {
  return `vote_${randomBase64Url(NOTE_ID_BYTES)}`;
}

export function isVoteId(value: unknown): value is string {
  return typeof value === 'string' && VOTE_ID_PATTERN.test(value);
}

export function isBoardId(value: unknown): value is BoardId {
  return typeof value === 'string' && BOARD_ID_PATTERN.test(value);
}

export function isNoteId(value: unknown): value is NoteId {
  return typeof value === 'string' && NOTE_ID_PATTERN.test(value);
}
