import {
  LINK_KINDS,
  MAX_AUTHOR_LENGTH,
  MAX_LINKS,
  MAX_NOTE_SIZE,
  MAX_TITLE_LENGTH,
  MIN_NOTE_SIZE,
  RELATIONSHIP_FIELD_VALIDATORS,
  cleanTitle,
  isNoteId,
} from '../model';
import { noteFieldsSchema } from '../model/records';
import { BOARD_FILE_FORMAT, BOARD_FILE_VERSION, NOTE_FIELDS, type BoardFile } from './format';
import { checkComments } from './comments-check';
import {
  IssueSink,
  checkFields,
  isObject,
  unknownKeys,
  type ImportIssue,
  type IssueFacts,
} from './issues';
import { checkRichText } from './rich-text-check';

/**
 * Reads a board file strictly (format.ts, FORMAT.md): the server imports only a file that
 * passes, so nothing a hostile or damaged file holds reaches a board. It checks each field by
 * the schema (lib/model/records) the server checks the document with, so what it accepts is
 * what a client may write and the readers show; every problem is
 * reported with where it is, not only the first. It reads every version up to
 * BOARD_FILE_VERSION: a version 1 file has no `comments` (it may not hold one) and is given
 * an empty list, so the importer sees one shape.
 */

/** Notes per imported board: five times the largest board the benchmarks exercise. */
export const MAX_IMPORT_NOTES = 50_000;

export type ParseBoardFileResult =
  | { readonly ok: true; readonly file: BoardFile }
  | { readonly ok: false; readonly issues: readonly ImportIssue[]; readonly count: number };

const V1_KEYS = [
  'format',
  'formatVersion',
  'schemaVersion',
  'exportedAt',
  'boardId',
  'title',
  'notes',
];
/** The top-level fields of each version: what a version lacks is an unknown field there. */
const TOP_KEYS: Readonly<Record<number, readonly string[]>> = {
  1: V1_KEYS,
  2: [...V1_KEYS, 'comments'],
};
const NOTE_KEYS = ['id', ...NOTE_FIELDS, 'text', 'relationship', 'links'] as const;
/** What each stored field of a note must be, to say so when it is missing or wrong (in this order). */
const NOTE_FIELD_EXPECTED: Readonly<Record<(typeof NOTE_FIELDS)[number], IssueFacts>> = {
  block: { expected: 'block' },
  color: { expected: 'color' },
  x: { expected: 'onCanvas' },
  y: { expected: 'onCanvas' },
  width: { expected: 'size', min: MIN_NOTE_SIZE, max: MAX_NOTE_SIZE },
  height: { expected: 'size', min: MIN_NOTE_SIZE, max: MAX_NOTE_SIZE },
  z: { expected: 'number' },
  createdAt: { expected: 'number' },
  author: { expected: 'shortText', max: MAX_AUTHOR_LENGTH },
};
/** The nested parts of a note, checked by their own functions when present. */
const NOTE_PART_EXPECTED: Readonly<Record<'text' | 'relationship' | 'links', IssueFacts>> = {
  text: { expected: 'richText' },
  relationship: { expected: 'object' },
  links: { expected: 'links' },
};

function checkRelationship(raw: unknown, at: string, sink: IssueSink): void {
  if (!isObject(raw)) return sink.add(at, 'invalid', { expected: 'object', value: raw });
  for (const [field, value] of Object.entries(raw)) {
    const validate = Object.hasOwn(RELATIONSHIP_FIELD_VALIDATORS, field)
      ? RELATIONSHIP_FIELD_VALIDATORS[field as keyof typeof RELATIONSHIP_FIELD_VALIDATORS]
      : undefined;
    if (!validate) sink.add(`${at}.${field}`, 'unknownField');
    else if (!validate(value)) sink.add(`${at}.${field}`, 'invalid', { expected: 'label', value });
  }
}

function checkLinks(raw: unknown, at: string, ids: ReadonlySet<string>, sink: IssueSink): void {
  if (!isObject(raw)) return sink.add(at, 'invalid', { expected: 'links', value: raw });
  unknownKeys(raw, [...LINK_KINDS], at, sink);
  for (const kind of LINK_KINDS) {
    const list = raw[kind];
    const where = `${at}.${kind}`;
    if (!Array.isArray(list)) {
      sink.add(where, 'missing', { expected: 'noteIds' });
      continue;
    }
    if (list.length > MAX_LINKS)
      sink.add(where, 'tooMany', { expected: 'maxLinks', max: MAX_LINKS });
    const twice = list.find((target, i) => list.indexOf(target) !== i);
    if (twice !== undefined) sink.add(where, 'duplicateId', { value: twice });
    list.forEach((target, i) => {
      if (!isNoteId(target) || !ids.has(target))
        sink.add(`${where}[${i}]`, 'linkTarget', { value: target });
    });
  }
}

function checkNote(raw: unknown, at: string, ids: ReadonlySet<string>, sink: IssueSink): void {
  if (!isObject(raw)) return sink.add(at, 'invalid', { expected: 'object', value: raw });
  unknownKeys(raw, NOTE_KEYS, at, sink);
  if (!('id' in raw)) sink.add(`${at}.id`, 'missing', { expected: 'noteId' });
  checkFields(raw, noteFieldsSchema.shape, NOTE_FIELD_EXPECTED, at, sink);
  for (const [key, facts] of Object.entries(NOTE_PART_EXPECTED))
    if (!(key in raw)) sink.add(`${at}.${key}`, 'missing', facts);
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
    if (!isNoteId(id)) sink.add(`notes[${i}].id`, 'invalid', { expected: 'noteId', value: id });
    else if (ids.has(id)) sink.add(`notes[${i}].id`, 'duplicateId', { value: id });
    else ids.add(id);
  });
  return ids;
}

/** Checks a parsed JSON value; on success it is a BoardFile that can be imported as it is. */
export function parseBoardFile(raw: unknown): ParseBoardFileResult {
  const sink = new IssueSink();
  const fail = () => ({ ok: false as const, issues: sink.issues, count: sink.count });
  if (!isObject(raw) || raw.format !== BOARD_FILE_FORMAT) {
    sink.add('format', 'notBoardFile');
    return fail();
  }
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    sink.add('formatVersion', 'invalid', { expected: 'wholeNumber', value: version, min: 1 });
    return fail();
  }
  if (version > BOARD_FILE_VERSION) {
    sink.add('formatVersion', 'newerVersion', { value: version, max: BOARD_FILE_VERSION });
    return fail();
  }
  unknownKeys(raw, TOP_KEYS[version] ?? [], '', sink);
  if (typeof raw.title !== 'string') sink.add('title', 'missing', { expected: 'text' });
  else if (!cleanTitle(raw.title).ok)
    sink.add('title', 'invalid', {
      expected: 'shortText',
      value: raw.title,
      max: MAX_TITLE_LENGTH,
    });
  for (const key of ['schemaVersion'] as const)
    if (key in raw && typeof raw[key] !== 'number')
      sink.add(key, 'invalid', { expected: 'number', value: raw[key] });
  for (const key of ['exportedAt', 'boardId'] as const)
    if (key in raw && typeof raw[key] !== 'string')
      sink.add(key, 'invalid', { expected: 'text', value: raw[key] });
  const notes = raw.notes;
  if (!Array.isArray(notes)) {
    sink.add('notes', 'missing', { expected: 'list' });
    return fail();
  }
  if (notes.length > MAX_IMPORT_NOTES) {
    sink.add('notes', 'tooMany', { expected: 'maxNotes', max: MAX_IMPORT_NOTES });
    return fail();
  }
  const ids = collectIds(notes, sink);
  notes.forEach((note, i) => checkNote(note, noteLabel(note, i), ids, sink));
  // Version 1 had no comments; from version 2 on the list is required, even when empty.
  if (version >= 2) checkComments(raw.comments, ids, sink);
  if (sink.count > 0) return fail();
  const comments = version >= 2 ? raw.comments : [];
  return { ok: true, file: { ...raw, comments } as unknown as BoardFile };
}
