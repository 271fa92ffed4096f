/**
 * Who "I" am in this browser: a random user id, a colour derived from it, and the display
 * name the person typed (remembered). There are no accounts; all of this lives in
 * localStorage. Pure: storage is passed in (null on the server or where storage is blocked).
 */
import { randomBase64Url } from './model/ids';
import { readItem, writeItem, type StorageLike } from './storage';

export const USER_ID_KEY = 'lienzo.userId';
export const DISPLAY_NAME_KEY = 'lienzo.displayName';

/** Display names are short labels on cursors and avatars. */
export const MAX_DISPLAY_NAME_LENGTH = 40;

/**
 * Presence colours for cursors, avatars and "is editing" outlines: eight hues far apart,
 * each dark enough for white text at 4.5:1 or better (checked in identity.test.ts).
 */
export const PRESENCE_COLORS = [
  '#1d4ed8', // blue
  '#15803d', // green
  '#b91c1c', // red
  '#7e22ce', // purple
  '#c2410c', // orange
  '#0f766e', // teal
  '#be185d', // pink
  '#a16207', // mustard
] as const;

export type PresenceColor = (typeof PRESENCE_COLORS)[number];

const USER_ID_BYTES = 12; // 96 bits: two browsers never share an id
const USER_ID_PATTERN = /^u_[A-Za-z0-9_-]{16}$/;
const GUEST_NUMBER_MIN = 100;
const GUEST_NUMBER_SPAN = 900; // guest numbers run 100..999: three digits, easy to say aloud

export function isUserId(value: unknown): value is string {
  return typeof value === 'string' && USER_ID_PATTERN.test(value);
}

/** A fresh random user id such as `u_Jx3…`, from the platform's CSPRNG. */
export function newUserId(): string {
  return `u_${randomBase64Url(USER_ID_BYTES)}`;
}

/**
 * This browser's user id: the stored one, or a new one that is stored for next time. Without
 * storage the id lasts as long as the caller keeps it.
 */
export function loadOrCreateUserId(storage: StorageLike | null): string {
  const stored = readItem(storage, USER_ID_KEY);
  if (isUserId(stored)) return stored;
  const id = newUserId();
  writeItem(storage, USER_ID_KEY, id);
  return id;
}

/** FNV-1a: a small, well-spread string hash, enough to spread ids over a few buckets. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The presence colour of a user id: the same in every tab and on every visit. */
export function colorForUserId(userId: string): PresenceColor {
  return PRESENCE_COLORS[hashString(userId) % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}

/**
 * The number in a suggested name such as "Guest 482", stable for a user id so the
 * suggestion does not change between renders or visits. Format it with the
 * 'identity.guestName' message.
 */
export function guestNumberFor(userId: string): number {
  return GUEST_NUMBER_MIN + (hashString(`guest:${userId}`) % GUEST_NUMBER_SPAN);
}

/**
 * A display name as typed, cleaned: whitespace collapsed and trimmed, cut to
 * MAX_DISPLAY_NAME_LENGTH characters. Null when nothing is left (a name is required).
 */
export function cleanDisplayName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  const name = Array.from(collapsed).slice(0, MAX_DISPLAY_NAME_LENGTH).join('').trim();
  return name === '' ? null : name;
}

/** The remembered display name, or null on a first visit. */
export function loadDisplayName(storage: StorageLike | null): string | null {
  return cleanDisplayName(readItem(storage, DISPLAY_NAME_KEY));
}

/** Remembers a display name; returns the cleaned name, or null if it was empty. */
export function saveDisplayName(storage: StorageLike | null, raw: string): string | null {
  const name = cleanDisplayName(raw);
  if (name !== null) writeItem(storage, DISPLAY_NAME_KEY, name);
  return name;
}

/** This browser's identity; `name` is null until the person has chosen one. */
export interface LocalIdentity {
  readonly id: string;
  readonly color: PresenceColor;
  readonly name: string | null;
}

export function loadIdentity(storage: StorageLike | null): LocalIdentity {
  const id = loadOrCreateUserId(storage);
  return { id, color: colorForUserId(id), name: loadDisplayName(storage) };
}

/**
 * One or two letters for an avatar: the initials of the first two words that start with a
 * letter ("Ana García" → "AG", "Guest 482" → "G"); "?" for an empty name.
 */
export function initialsOf(name: string): string {
  const firsts = name
    .trim()
    .split(/\s+/)
    .map((word) => Array.from(word)[0] ?? '')
    .filter(Boolean);
  const letters = firsts.filter((char) => /\p{L}/u.test(char)).slice(0, 2);
  const initials = (letters.length > 0 ? letters : firsts.slice(0, 1)).join('');
  return initials === '' ? '?' : initials.toLocaleUpperCase();
}
