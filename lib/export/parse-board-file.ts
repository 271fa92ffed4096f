import {
  LINK_KINDS,
  MAX_AUTHOR_LENGTH,
  MAX_LINKS,
  MAX_NOTE_SIZE,
  MIN_NOTE_SIZE,
  RELATIONSHIP_FIELD_VALIDATORS,
  cleanTitle,
  isBlockId,
  isNoteColor,
  isNoteId,
  parseNoteFields,
} from '../model';
import { BOARD_FILE_FORMAT, BOARD_FILE_VERSION, NOTE_FIELDS, type BoardFile } from './format';
import { IssueSink, type ImportIssue } from './issues';
import { checkRichText } from './rich-text-check';

/**
 * Reads a board file strictly (format.ts, FORMAT.md): the server imports only a file that
 * passes, so nothing a hostile or damaged file holds reaches a board. It uses the model's own
 * validators, so what it accepts is what the document's readers accept; every problem is
 * reported with where it is, not only the first.
 */

/** Notes per imported board: five times the largest board the benchmarks exercise. */
export const MAX_IMPORT_NOTES = 50_000;

export type ParseBoardFileResult =
  | { readonly ok: true; readonly file: BoardFile }
  | { readonly ok: false; readonly issues: readonly ImportIssue[]; readonly count: number };

const TOP_KEYS = [
  'format',
  'formatVersion',
  'schemaVersion',
  'exportedAt',
  'boardId',
  'title',
  'notes',
];
const NOTE_KEYS = ['id', ...NOTE_FIELDS, 'text', 'relationship', 'links'];
const NUMBER_KEYS = ['x', 'y', 'width', 'height', 'z', 'createdAt'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(raw: Record<string, unknown>, known: string[], at: string, sink: IssueSink) {
  for (const key of Object.keys(raw))
    if (!known.includes(key))
      sink.add(at ? `${at}.${key}` : key, 'unknownField', `unknown field ${key}`);
}

function checkRelationship(raw: unknown, at: string, sink: IssueSink): void {
  if (!isObject(raw)) return sink.add(at, 'invalid', 'relationship is an object of labels');
  for (const [field, value] of Object.entries(raw)) {
    const validate = Object.hasOwn(RELATIONSHIP_FIELD_VALIDATORS, field)
      ? RELATIONSHIP_FIELD_VALIDATORS[field as keyof typeof RELATIONSHIP_FIELD_VALIDATORS]
      : undefined;
    if (!validate) sink.add(`${at}.${field}`, 'unknownField', `unknown label ${field}`);
    else if (!validate(value))
      sink.add(`${at}.${field}`, 'invalid', `${JSON.stringify(value)} is not a valid ${field}`);
  }
}

function checkLinks(raw: unknown, at: string, ids: ReadonlySet<string>, sink: IssueSink): void {
  if (!isObject(raw))
    return sink.add(at, 'invalid', 'links is { channels: [...], segments: [...] }');
  unknownKeys(raw, [...LINK_KINDS], at, sink);
  for (const kind of LINK_KINDS) {
    const list = raw[kind];
    const where = `${at}.${kind}`;
    if (!Array.isArray(list)) {
      sink.add(where, 'missing', `${kind} is a list of note ids`);
      continue;
    }
    if (list.length > MAX_LINKS) sink.add(where, 'tooMany', `at most ${MAX_LINKS} links`);
    if (new Set(list).size !== list.length)
      sink.add(where, 'duplicateId', 'a link is listed twice');
    list.forEach((target, i) => {
      if (!isNoteId(target) || !ids.has(target))
        sink.add(
          `${where}[${i}]`,
          'linkTarget',
          `${JSON.stringify(target)} is no note of this file`,
        );
    });
  }
}

function checkNote(raw: unknown, at: string, ids: ReadonlySet<string>, sink: IssueSink): void {
  if (!isObject(raw)) return sink.add(at, 'invalid', 'a note is an object');
  unknownKeys(raw, NOTE_KEYS, at, sink);
  for (const key of NOTE_KEYS) if (!(key in raw)) sink.add(`${at}.${key}`, 'missing', `no ${key}`);
  if ('block' in raw && !isBlockId(raw.block))
    sink.add(`${at}.block`, 'invalid', `${JSON.stringify(raw.block)} is not a block`);
  if ('color' in raw && !isNoteColor(raw.color))
    sink.add(`${at}.color`, 'invalid', `${JSON.stringify(raw.color)} is not a note colour`);
  let numbersOk = true;
  for (const key of NUMBER_KEYS) {
    if (!(key in raw)) continue;
    const value = raw[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      numbersOk = false;
      sink.add(`${at}.${key}`, 'invalid', `${key} is a finite number`);
    } else if (
      (key === 'width' || key === 'height') &&
      (value < MIN_NOTE_SIZE || value > MAX_NOTE_SIZE)
    ) {
      numbersOk = false;
      sink.add(`${at}.${key}`, 'invalid', `${key} is ${MIN_NOTE_SIZE} to ${MAX_NOTE_SIZE}`);
    }
  }
  // The rest of what a reader requires (the note on the canvas) is the model's to say.
  if (
    numbersOk &&
    NUMBER_KEYS.every((key) => key in raw) &&
    isBlockId(raw.block) &&
    isNoteColor(raw.color)
  )
    if (parseNoteFields(raw.id, raw) === null && isNoteId(raw.id))
      sink.add(`${at}.x`, 'invalid', 'the note lies too far off the canvas');
  if ('author' in raw && (typeof raw.author !== 'string' || raw.author.length > MAX_AUTHOR_LENGTH))
    sink.add(
      `${at}.author`,
      'invalid',
      `author is text of at most ${MAX_AUTHOR_LENGTH} characters`,
    );
  if ('text' in raw) checkRichText(raw.text, `${at}.text`, sink);
  if ('relationship' in raw) checkRelationship(raw.relationship, `${at}.relationship`, sink);
  if ('links' in raw) checkLinks(raw.links, `${at}.links`, ids, sink);
}

function noteLabel(raw: unknown, index: number): string {
  const id = isObject(raw) ? raw.id : undefined;
  return isNoteId(id) ? `notes[${index}] (${id})` : `notes[${index}]`;
}

/** Note ids of the file; a missing, malformed or repeated id is reported here. */
function collectIds(notes: readonly unknown[], sink: IssueSink): Set<string> {
  const ids = new Set<string>();
  notes.forEach((note, i) => {
    const id = isObject(note) ? note.id : undefined;
    if (id === undefined) return; // reported as missing with the note's other fields
    if (!isNoteId(id))
      sink.add(`notes[${i}].id`, 'invalid', `${JSON.stringify(id)} is not a note id`);
    else if (ids.has(id)) sink.add(`notes[${i}].id`, 'duplicateId', `${id} appears twice`);
    else ids.add(id);
  });
  return ids;
}

/** Checks a parsed JSON value; on success it is a BoardFile that can be imported as it is. */
export function parseBoardFile(raw: unknown): ParseBoardFileResult {
  const sink = new IssueSink();
  const fail = () => ({ ok: false as const, issues: sink.issues, count: sink.count });
  if (!isObject(raw) || raw.format !== BOARD_FILE_FORMAT) {
    sink.add(
      'format',
      'notBoardFile',
      `not a Lienzo board file (format must be "${BOARD_FILE_FORMAT}")`,
    );
    return fail();
  }
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    sink.add('formatVersion', 'invalid', 'formatVersion is a whole number from 1');
    return fail();
  }
  if (version > BOARD_FILE_VERSION) {
    sink.add(
      'formatVersion',
      'newerVersion',
      `version ${version} is newer than ${BOARD_FILE_VERSION}, the newest this server reads`,
    );
    return fail();
  }
  unknownKeys(raw, TOP_KEYS, '', sink);
  if (typeof raw.title !== 'string') sink.add('title', 'missing', 'title is text');
  else {
    const title = cleanTitle(raw.title);
    if (!title.ok) sink.add('title', 'invalid', title.error);
  }
  for (const key of ['schemaVersion'] as const)
    if (key in raw && typeof raw[key] !== 'number') sink.add(key, 'invalid', `${key} is a number`);
  for (const key of ['exportedAt', 'boardId'] as const)
    if (key in raw && typeof raw[key] !== 'string') sink.add(key, 'invalid', `${key} is text`);
  const notes = raw.notes;
  if (!Array.isArray(notes)) {
    sink.add('notes', 'missing', 'notes is a list');
    return fail();
  }
  if (notes.length > MAX_IMPORT_NOTES) {
    sink.add('notes', 'tooMany', `at most ${MAX_IMPORT_NOTES} notes`);
    return fail();
  }
  const ids = collectIds(notes, sink);
  notes.forEach((note, i) => checkNote(note, noteLabel(note, i), ids, sink));
  return sink.count > 0 ? fail() : { ok: true, file: raw as unknown as BoardFile };
}
