import * as Y from 'yjs';
import { boardRoots, readBoard, readThreads, type CommentThread } from '../doc';
import { NOTE_KEYS, fitTitle, type CommentRecord, type NoteRecord } from '../model';
import {
  BOARD_FILE_FORMAT,
  BOARD_FILE_VERSION,
  type BoardFile,
  type BoardFileNote,
  type BoardFileReply,
  type BoardFileThread,
} from './format';
import { fragmentToRichText } from './rich-text';

/**
 * Writes a board document as a board file (format.ts, FORMAT.md): every note the readers
 * accept, with its fields, its rich text, its labels and its links, and the comment threads
 * of those notes (links to notes that no longer exist, and the hidden comments of deleted
 * notes, are left out, as readers leave them out). Key order is fixed, so two exports of the
 * same board are the same text apart from `exportedAt` and `boardId`.
 */
export function boardToFile(doc: Y.Doc, boardId: string, now: Date = new Date()): BoardFile {
  const { meta, ordered } = readBoard(doc);
  const { notes } = boardRoots(doc);
  return {
    format: BOARD_FILE_FORMAT,
    formatVersion: BOARD_FILE_VERSION,
    schemaVersion: meta.schemaVersion,
    exportedAt: now.toISOString(),
    boardId,
    title: fitTitle(meta.title),
    notes: ordered.map((record) => fileNote(record, notes.get(record.id)?.get(NOTE_KEYS.text))),
    comments: fileThreads(ordered, readThreads(doc)),
  };
}

/** Threads of the exported notes only: a file's comments must name notes of the file. */
function fileThreads(
  ordered: readonly NoteRecord[],
  threads: ReadonlyMap<string, readonly CommentThread[]>,
): BoardFileThread[] {
  return ordered.flatMap((note) =>
    (threads.get(note.id) ?? []).map(({ first, replies }) => ({
      id: first.id,
      note: first.note,
      author: first.author,
      authorId: first.authorId,
      createdAt: first.createdAt,
      text: first.text,
      resolved: first.resolved,
      resolvedBy: first.resolvedBy,
      replies: replies.map(fileReply),
    })),
  );
}

function fileReply({ id, author, authorId, createdAt, text }: CommentRecord): BoardFileReply {
  return { id, author, authorId, createdAt, text };
}

function fileNote(record: NoteRecord, text: unknown): BoardFileNote {
  const { id, block, x, y, width, height, color, z, author, createdAt } = record;
  return {
    id,
    block,
    x,
    y,
    width,
    height,
    color,
    z,
    author,
    createdAt,
    text: text instanceof Y.XmlFragment ? fragmentToRichText(text) : { type: 'doc', content: [] },
    relationship: sortedLabels(record.relationship),
    links: { channels: [...record.links.channels], segments: [...record.links.segments] },
  };
}

function sortedLabels(labels: NoteRecord['relationship']): NoteRecord['relationship'] {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}
