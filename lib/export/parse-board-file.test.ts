import { describe, expect, it } from 'vitest';
import { MAX_LINKS } from '../model';
import { boardToFile } from './export-board';
import { createTranslator } from '../i18n/translate';
import { MAX_IMPORT_COMMENTS } from './comments-check';
import { MAX_REPORTED_ISSUES, issueMessage, type ImportIssue } from './issues';
import { MAX_IMPORT_NOTES, parseBoardFile } from './parse-board-file';
import { commentedBoard } from './test-support';

/** A valid file as plain JSON, and the ids of its notes, to break one thing at a time. */
function validFile() {
  const { doc, ids, threads } = commentedBoard();
  // Loosely typed on purpose: each test breaks one field of the file in its own way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const file = JSON.parse(JSON.stringify(boardToFile(doc, 'board'))) as Record<string, any>;
  const index = (id: string) => (file.notes as { id: string }[]).findIndex((n) => n.id === id);
  const thread = (file.comments as { id: string }[]).findIndex((c) => c.id === threads.resolved);
  return { file, ids, threads, relIndex: index(ids.rel), resolvedIndex: thread };
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
    file.formatVersion = 3;
    expect(issuesOf(file)).toEqual([
      expect.objectContaining({
        at: 'formatVersion',
        problem: 'newerVersion',
        params: { value: '3', max: 2 },
      }),
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

  it('refuses a link that opens a new tab without our rel, or with another rel', () => {
    for (const attrs of [
      { href: 'https://example.com', target: '_blank' },
      { href: 'https://example.com', target: '_blank', rel: 'opener' },
      { href: 'https://example.com', target: '_top', rel: 'noopener noreferrer nofollow' },
    ]) {
      const { file, relIndex } = validFile();
      file.notes[relIndex].text = {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs }] }],
          },
        ],
      };
      const at = issuesOf(file).map((i) => i.at.replace(/^notes\[\d+\] \(note_[^)]+\)/, ''));
      expect(at).toEqual([
        `.text.content[0].content[0].marks[0].attrs.${attrs.rel === undefined || attrs.rel === 'opener' ? 'rel' : 'target'}`,
      ]);
    }
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

  it('reads a version 1 file, which has no comments, and refuses comments in one', () => {
    const { file } = validFile();
    const { comments, ...rest } = file;
    const v1 = { ...rest, formatVersion: 1 };
    const parsed = parseBoardFile(v1);
    expect(parsed.ok && parsed.file.comments).toEqual([]);
    expect(issuesOf({ ...v1, comments })).toEqual([
      expect.objectContaining({ at: 'comments', problem: 'unknownField' }),
    ]);
  });

  it('requires the comments of a version 2 file, even when there are none', () => {
    const { file } = validFile();
    delete file.comments;
    expect(issuesOf(file)).toEqual([
      expect.objectContaining({ at: 'comments', problem: 'missing', expected: 'list' }),
    ]);
  });

  it('refuses a comment on a note that is not in the file', () => {
    const { file, threads, resolvedIndex } = validFile();
    file.comments[resolvedIndex].note = 'note_AAAAAAAAAAAAAAAA';
    expect(issuesOf(file)).toEqual([
      expect.objectContaining({
        at: `comments[${resolvedIndex}] (${threads.resolved}).note`,
        problem: 'linkTarget',
        params: { value: '"note_AAAAAAAAAAAAAAAA"' },
      }),
    ]);
  });

  it('names the thread, the reply and the field of a bad comment', () => {
    const { file, threads, resolvedIndex } = validFile();
    const thread = file.comments[resolvedIndex];
    thread.resolved = 'yes';
    thread.createdAt = '2026-01-01';
    thread.text = ' padded ';
    thread.replies[0].author = 42;
    delete thread.replies[0].text;
    thread.replies[0].resolved = false;
    const at = `comments[${resolvedIndex}] (${threads.resolved})`;
    const reply = `${at}.replies[0] (${threads.reply})`;
    expect(issuesOf(file).map(({ at, problem, expected }) => [at, problem, expected])).toEqual([
      [`${at}.createdAt`, 'invalid', 'number'],
      [`${at}.text`, 'invalid', 'commentText'],
      [`${at}.resolved`, 'invalid', 'boolean'],
      [`${reply}.resolved`, 'unknownField', undefined],
      [`${reply}.author`, 'invalid', 'shortText'],
      [`${reply}.text`, 'missing', 'commentText'],
    ]);
  });

  it('refuses bad comment ids, an id used twice, and an open thread that names a resolver', () => {
    const { file, threads, resolvedIndex } = validFile();
    const open = file.comments.findIndex((c: { id: string }) => c.id === threads.open);
    file.comments[open].id = threads.reply;
    file.comments[open].resolvedBy = 'Ana';
    file.comments[resolvedIndex].replies[0].id = 'note_AAAAAAAAAAAAAAAA';
    expect(issuesOf(file).map(({ problem, expected }) => [problem, expected])).toEqual(
      expect.arrayContaining([
        ['invalid', 'commentId'],
        ['invalid', 'nullUnlessResolved'],
      ]),
    );
    file.comments[resolvedIndex].replies[0].id = threads.reply;
    expect(issuesOf(file).map(({ problem }) => problem)).toContain('duplicateId');
    expect(issuesOf({ ...file, comments: {} })).toEqual([
      expect.objectContaining({ at: 'comments', problem: 'invalid', expected: 'list' }),
    ]);
  });

  it('refuses more comments than a board may carry', () => {
    const { file, resolvedIndex } = validFile();
    const thread = file.comments[resolvedIndex];
    file.comments = [
      { ...thread, replies: Array.from({ length: MAX_IMPORT_COMMENTS }, () => thread.replies[0]) },
    ];
    expect(issuesOf(file)).toEqual([
      expect.objectContaining({
        at: 'comments',
        problem: 'tooMany',
        params: { max: MAX_IMPORT_COMMENTS },
      }),
    ]);
  });
});

describe('import problems, in each language', () => {
  const en = createTranslator('en');
  const es = createTranslator('es');

  it('word the same facts fully in each language, with the path and the value found', () => {
    const { file, ids, relIndex } = validFile();
    file.notes[relIndex].color = 'magenta';
    file.notes[relIndex].width = 5;
    const [color, width] = issuesOf(file);
    const at = `notes[${relIndex}] (${ids.rel})`;
    expect(issueMessage(color!, en)).toBe(
      `${at}.color: "magenta" is not valid; it must be a palette colour name.`,
    );
    expect(issueMessage(color!, es)).toBe(
      `${at}.color: "magenta" no es válido; debe ser el nombre de un color de la paleta.`,
    );
    expect(issueMessage(width!, es)).toBe(
      `${at}.width: 5 no es válido; debe ser un número de 60 a 600.`,
    );
    // The API's English detail is the English interface's wording of the same facts.
    expect(color!.detail).toBe(issueMessage(color!, en));
  });

  it('leave no placeholder unfilled and no English in Spanish, for every problem the tests meet', () => {
    const { file, relIndex } = validFile();
    Object.assign(file.notes[relIndex], { x: 99_999, width: 'a', block: 'nowhere', extra: 1 });
    delete file.notes[relIndex].author;
    file.notes[relIndex].links.segments = ['note_AAAAAAAAAAAAAAAA'];
    file.comments[0].replies = {};
    const issues = [...issuesOf(file), ...issuesOf({ ...file, formatVersion: 9 })];
    for (const issue of issues) {
      for (const t of [en, es]) expect(issueMessage(issue, t)).not.toMatch(/\{\w+\}/);
      expect(issueMessage(issue, es)).not.toMatch(/\b(is|must|not valid|missing|the)\b/);
    }
    expect(issues.length).toBeGreaterThan(5);
  });
});
