import * as Y from 'yjs';
import { SERVER_ORIGIN, addLink, boardRoots, newRelationshipMap } from '../doc';
import { LINK_KINDS, NOTE_KEYS } from '../model';
import { NOTE_FIELDS, type BoardFile, type BoardFileNote } from './format';
import { richTextToFragmentContent } from './rich-text';

/**
 * Fills a new board's document (made by initBoardDoc, with the file's title) with the notes
 * of a board file that parseBoardFile accepted, in one transaction: every note keeps its id,
 * so links need no renaming, and its fields, author and creation time, as the file says.
 *
 * lib/doc's createNote cannot be used: it draws a new id, stamps the current time and clamps
 * the geometry, and a round trip must give back the very same board. The keys written are
 * those of docs/SCHEMA.md, through the same helpers lib/doc uses for the `rel` map.
 */
export function writeBoardFile(doc: Y.Doc, file: BoardFile): void {
  const { notes } = boardRoots(doc);
  doc.transact(() => {
    const texts: [Y.XmlFragment, BoardFileNote][] = [];
    for (const input of file.notes) {
      const note = new Y.Map<unknown>();
      const text = new Y.XmlFragment();
      for (const field of NOTE_FIELDS) note.set(NOTE_KEYS[field], input[field]);
      note.set(NOTE_KEYS.text, text);
      const rel = newRelationshipMap();
      for (const [field, value] of Object.entries(input.relationship)) rel.set(field, value);
      for (const kind of LINK_KINDS)
        for (const target of input.links[kind]) addLink(rel, kind, target);
      note.set(NOTE_KEYS.rel, rel);
      notes.set(input.id, note);
      texts.push([text, input]);
    }
    // Content goes in once the fragments are part of the document (Yjs needs attached types).
    for (const [text, input] of texts) {
      const content = richTextToFragmentContent(input.text);
      if (content.length > 0) text.insert(0, content);
    }
  }, SERVER_ORIGIN);
}
