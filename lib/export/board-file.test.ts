import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addComment,
  commentsRoot,
  createNote,
  deleteNotes,
  labelRelationship,
  linkNotes,
  noteTextFragment,
  readBoard,
  readThreads,
} from '../doc';
import { addRelationshipNotes, newBoard } from '../doc/test-support';
import type { NoteId } from '../model';
import { boardToFile } from './export-board';
import type { BoardFile } from './format';
import { writeBoardFile } from './import-board';
import { parseBoardFile } from './parse-board-file';
import { commentedBoard } from './test-support';

/** The note editor's schema (Tiptap's StarterKit, link included), to write text as it does. */
const schema = getSchema([StarterKit]);

/** A note text as the editor writes it: marks (bold, italic, a link), a bullet list, a break. */
const EDITOR_TEXT = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Support by ' },
        { type: 'text', marks: [{ type: 'bold' }, { type: 'italic' }], text: 'email' },
        { type: 'text', text: ' see ' },
        {
          type: 'text',
          marks: [
            {
              type: 'link',
              attrs: {
                href: 'https://example.com/help',
                target: '_blank',
                rel: 'noopener noreferrer nofollow',
                class: null,
                title: null,
              },
            },
          ],
          text: 'help',
        },
        { type: 'hardBreak' },
        { type: 'text', text: 'line two' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }],
        },
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }],
        },
      ],
    },
  ],
};

function writeEditorText(doc: Y.Doc, id: NoteId, json: unknown = EDITOR_TEXT): void {
  const fragment = noteTextFragment(doc, id)!;
  // y-prosemirror writes a document of its own; its nodes are copied into the note's text.
  const scratch = prosemirrorJSONToYDoc(schema, json, 'text').getXmlFragment('text');
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      scratch.toArray().map((node) => node.clone() as Y.XmlElement),
    );
  });
}

/** A labelled, linked, commented board with rich text in a relationship note. */
function sampleBoard() {
  const { doc, ids, threads } = commentedBoard();
  writeEditorText(doc, ids.rel);
  labelRelationship(doc, ids.rel, {
    stage: 'retention',
    costAmount: 120.5,
    costCurrency: 'EUR',
    costPeriod: 'perMonth',
    evidence: 'Two customers, "quoted", asked',
  });
  return { doc, ids, threads };
}

function importFile(file: unknown): Y.Doc {
  const parsed = parseBoardFile(JSON.parse(JSON.stringify(file)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const doc = newBoard();
  writeBoardFile(doc, parsed.file);
  return doc;
}

const withoutVolatile = ({ exportedAt: _e, boardId: _b, ...rest }: BoardFile) => rest;

describe('board file round trip', () => {
  it('export → import → export gives the same file, apart from the board id and the time', () => {
    const { doc } = sampleBoard();
    const first = boardToFile(doc, 'board-a', new Date('2026-01-01T00:00:00Z'));
    const second = boardToFile(importFile(first), 'board-b', new Date('2026-02-02T00:00:00Z'));
    expect(JSON.stringify(withoutVolatile(second))).toBe(JSON.stringify(withoutVolatile(first)));
    expect(second.boardId).toBe('board-b');
    expect(first.notes).toHaveLength(5);
    expect(first.comments).toHaveLength(2);
  });

  it('keeps every comment thread: its note, writer, time, text, replies and resolved state', () => {
    const { doc, ids, threads } = sampleBoard();
    const file = boardToFile(doc, 'x');
    const resolved = file.comments.find((thread) => thread.id === threads.resolved)!;
    expect(resolved).toMatchObject({
      note: ids.rel,
      author: 'Ana',
      authorId: 'u_ana0000000000000',
      text: 'Do freelancers pay monthly?',
      resolved: true,
      resolvedBy: 'Luis',
    });
    expect(resolved.replies).toEqual([
      expect.objectContaining({
        id: threads.reply,
        author: 'Luis',
        text: 'Yes: 60% in the interviews.',
      }),
    ]);
    expect(file.comments.find((thread) => thread.id === threads.open)).toMatchObject({
      note: ids.email,
      resolved: false,
      resolvedBy: null,
      replies: [],
    });

    const copy = importFile(file);
    expect(readThreads(copy)).toEqual(readThreads(doc));
    // The same keys as lib/doc writes: a reply has no `resolved`, an open thread no `resolvedBy`.
    const keys = (d: Y.Doc) =>
      [...commentsRoot(d).entries()].map(([id, map]) => [id, [...map.keys()].sort()]).sort();
    expect(keys(copy)).toEqual(keys(doc));
  });

  it('leaves out the hidden comments of a deleted note, as the readers hide them', () => {
    const { doc, ids } = sampleBoard();
    addComment(doc, ids.shop, 'Gone soon', { author: 'Ana', authorId: 'u_ana0000000000000' });
    deleteNotes(doc, [ids.shop]);
    expect(commentsRoot(doc).size).toBe(4); // kept in the document, hidden by the readers
    const file = boardToFile(doc, 'x');
    expect(file.comments.map((thread) => thread.note)).not.toContain(ids.shop);
    expect(parseBoardFile(JSON.parse(JSON.stringify(file))).ok).toBe(true);
  });

  it('still imports a version 1 file, which has no comments', () => {
    const { doc } = sampleBoard();
    const { comments: _c, ...v1 } = { ...boardToFile(doc, 'x'), formatVersion: 1 };
    const copy = importFile(v1);
    expect(readBoard(copy).ordered).toEqual(readBoard(doc).ordered);
    expect(commentsRoot(copy).size).toBe(0);
    expect(boardToFile(copy, 'y').comments).toEqual([]);
  });

  it('keeps every field, label and link of every note, as the readers see them', () => {
    const { doc } = sampleBoard();
    const copy = importFile(boardToFile(doc, 'x'));
    expect(readBoard(copy).ordered).toEqual(readBoard(doc).ordered);
  });

  it('gives back the exact ProseMirror document the editor wrote (marks, link, list, break)', () => {
    const { doc, ids } = sampleBoard();
    const file = boardToFile(doc, 'x');
    const note = file.notes.find((n) => n.id === ids.rel)!;
    // Attributes and marks come out sorted by name; the content is the editor's.
    expect(note.text.content[1]).toEqual(EDITOR_TEXT.content[1]);
    const marks = (note.text.content[0] as { content: { marks?: unknown }[] }).content[1]!.marks;
    expect(marks).toEqual([{ type: 'bold' }, { type: 'italic' }]);

    const copy = importFile(file);
    const editorView = yXmlFragmentToProsemirrorJSON(noteTextFragment(copy, ids.rel)!);
    const original = yXmlFragmentToProsemirrorJSON(noteTextFragment(doc, ids.rel)!);
    expect(editorView).toEqual(original);
    expect(JSON.stringify(original)).toContain('https://example.com/help');
  });

  it('writes the whole board in one transaction', () => {
    const { doc } = sampleBoard();
    const file = boardToFile(doc, 'x');
    const target = newBoard();
    let transactions = 0;
    target.on('afterTransaction', () => transactions++);
    writeBoardFile(target, file);
    expect(transactions).toBe(1);
    expect(readBoard(target).notes.size).toBe(5);
    expect(commentsRoot(target).size).toBe(3);
  });

  it('leaves out links to notes that no longer exist, as the readers do', () => {
    const doc = newBoard();
    const ids = addRelationshipNotes(doc);
    linkNotes(doc, ids.rel, ids.email);
    const notes = doc.getMap<Y.Map<unknown>>('notes');
    doc.transact(() => notes.delete(ids.email)); // a peer deleting without cleaning links up
    const file = boardToFile(doc, 'x');
    expect(file.notes.find((n) => n.id === ids.rel)!.links.channels).toEqual([]);
    expect(parseBoardFile(JSON.parse(JSON.stringify(file))).ok).toBe(true);
  });

  it('exports an empty note text as an empty document, and imports it back', () => {
    const doc = newBoard();
    createNote(doc, { x: 100, y: 100, author: 'Ana' });
    const file = boardToFile(doc, 'x');
    expect(file.notes[0]!.text).toEqual({ type: 'doc', content: [] });
    expect(boardToFile(importFile(file), 'x').notes).toEqual(file.notes);
  });
});
