import { describe, expect, it } from 'vitest';
import { MAX_LINKS } from '../model';
import { boardToFile } from './export-board';
import { MAX_REPORTED_ISSUES, type ImportIssue } from './issues';
import { MAX_IMPORT_NOTES, parseBoardFile } from './parse-board-file';
import { relationshipBoard } from './test-support';

/** A valid file as plain JSON, and the ids of its notes, to break one thing at a time. */
function validFile() {
  const { doc, ids } = relationshipBoard();
  // Loosely typed on purpose: each test breaks one field of the file in its own way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const file = JSON.parse(JSON.stringify(boardToFile(doc, 'board'))) as Record<string, any>;
  const index = (id: string) => (file.notes as { id: string }[]).findIndex((n) => n.id === id);
  return { file, ids, relIndex: index(ids.rel) };
}

function issuesOf(raw: unknown): readonly ImportIssue[] {
  const result = parseBoardFile(raw);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues;
}

describe('parseBoardFile', () => {
  it('accepts what boardToFile writes', () => {
    expect(parseBoardFile(validFile().file).ok).toBe(true);
  });

  it('refuses what is not a board file, saying so', () => {
    for (const raw of [null, [], 'text', { notes: [] }, { format: 'excalidraw', notes: [] }])
      expect(issuesOf(raw)).toEqual([expect.objectContaining({ problem: 'notBoardFile' })]);
  });

  it('refuses a newer format version, and names it', () => {
    const { file } = validFile();
    file.formatVersion = 2;
    expect(issuesOf(file)).toEqual([
      expect.objectContaining({ at: 'formatVersion', problem: 'newerVersion' }),
    ]);
  });

  it('names the note and the field of a bad value', () => {
    const { file, ids, relIndex } = validFile();
    file.notes[relIndex].width = 5;
    file.notes[relIndex].color = 'magenta';
    file.notes[relIndex].relationship.stage = 'someday';
    const issues = issuesOf(file);
    const at = `notes[${relIndex}] (${ids.rel})`;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ at: `${at}.width`, problem: 'invalid' }),
        expect.objectContaining({ at: `${at}.color`, problem: 'invalid' }),
        expect.objectContaining({ at: `${at}.relationship.stage`, problem: 'invalid' }),
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it('refuses missing fields, unknown fields and unknown labels', () => {
    const { file, relIndex } = validFile();
    delete file.notes[relIndex].createdAt;
    file.notes[relIndex].secret = 1;
    file.notes[relIndex].relationship.__proto__x = 'a';
    file.extra = true;
    const problems = issuesOf(file).map((issue) => [issue.problem, issue.at.split('.').pop()]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['missing', 'createdAt'],
        ['unknownField', 'secret'],
        ['unknownField', '__proto__x'],
        ['unknownField', 'extra'],
      ]),
    );
  });

  it('refuses a note off the canvas, as the readers would drop it', () => {
    const { file } = validFile();
    file.notes[0].x = 99_999;
    expect(issuesOf(file)).toEqual([expect.objectContaining({ problem: 'invalid' })]);
  });

  it('refuses duplicate note ids and links to notes that are not in the file', () => {
    const { file, relIndex } = validFile();
    file.notes[relIndex].links.segments = ['note_AAAAAAAAAAAAAAAA'];
    file.notes[1].id = file.notes[0].id;
    const problems = issuesOf(file).map((issue) => issue.problem);
    expect(problems).toEqual(expect.arrayContaining(['duplicateId', 'linkTarget']));
  });

  it('refuses more links than a note may carry', () => {
    const { file, relIndex } = validFile();
    const target = file.notes[relIndex].links.channels[0];
    file.notes[relIndex].links.channels = Array.from({ length: MAX_LINKS + 1 }, () => target);
    expect(issuesOf(file).map((issue) => issue.problem)).toEqual(
      expect.arrayContaining(['tooMany', 'duplicateId']),
    );
  });

  it('refuses rich text the editor would not write: unknown nodes, unsafe links', () => {
    const { file, relIndex } = validFile();
    file.notes[relIndex].text = {
      type: 'doc',
      content: [
        { type: 'script', content: [] },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'x',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
            { type: 'text', text: '' },
          ],
        },
      ],
    };
    const at = issuesOf(file).map((issue) => issue.at.replace(/^notes\[\d+\] \(note_[^)]+\)/, ''));
    expect(at).toEqual([
      '.text.content[0].type',
      '.text.content[1].content[0].marks[0].attrs.href',
      '.text.content[1].content[1].text',
    ]);
  });

  it('refuses rich text nested too deep', () => {
    const { file } = validFile();
    let node: Record<string, unknown> = { type: 'paragraph' };
    for (let i = 0; i < 40; i++) node = { type: 'blockquote', content: [node] };
    file.notes[0].text = { type: 'doc', content: [node] };
    expect(issuesOf(file).map((issue) => issue.problem)).toContain('tooMany');
  });

  it('refuses a title that is too long and a board with too many notes', () => {
    const { file } = validFile();
    file.title = 'x'.repeat(500);
    expect(issuesOf(file)).toEqual([expect.objectContaining({ at: 'title', problem: 'invalid' })]);
    file.title = 'ok';
    file.notes = Array.from({ length: MAX_IMPORT_NOTES + 1 }, () => file.notes[0]);
    expect(issuesOf(file)).toEqual([expect.objectContaining({ at: 'notes', problem: 'tooMany' })]);
  });

  it('lists at most MAX_REPORTED_ISSUES problems and counts the rest', () => {
    const { file } = validFile();
    for (const note of file.notes)
      for (const key of ['x', 'y', 'z', 'width', 'height']) note[key] = 'a';
    const result = parseBoardFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(result.count).toBe(25);
  });
});
