import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createNote, labelRelationship, linkNotes, readBoard } from '../doc';
import { CSV_COLUMNS, notesToCsv } from './notes-csv';
import { relationshipBoard } from './test-support';

function sample() {
  const { doc, ids } = relationshipBoard();
  labelRelationship(doc, ids.rel, {
    costAmount: 12.5,
    costCurrency: 'EUR',
    evidence: 'said "yes", twice',
  });
  linkNotes(doc, ids.rel, ids.shop);
  const tricky = createNote(doc, {
    x: 100,
    y: 600,
    author: 'Ana, "the boss"',
    text: '=HYPERLINK("http://evil")\nsecond, line',
  });
  return { doc, ids, tricky };
}

describe('notesToCsv', () => {
  it('has one header row of stable English ids and one row per note', () => {
    const { doc } = sample();
    const csv = notesToCsv(readBoard(doc).ordered);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(1 + 6);
    for (const row of parsed.data) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and defuses formulas', () => {
    const { doc, tricky } = sample();
    const csv = notesToCsv(readBoard(doc).ordered);
    expect(csv).toContain('"Ana, ""the boss"""');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")\nsecond, line"`);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    const row = rows.find((r) => r.id === tricky)!;
    expect(row.author).toBe('Ana, "the boss"');
    expect(row.text).toBe(`'=HYPERLINK("http://evil")\nsecond, line`);
  });

  it('defuses a formula behind spaces, tabs, line breaks or in full-width forms', () => {
    const hostile = [
      ' =1+1',
      '  +cmd|calc',
      '\t=1',
      '\r=1',
      '\n-2+3',
      '\u3000@SUM(A1)', // ideographic space
      '\u00a0=1', // no-break space
      '\uff1dHYPERLINK("http://evil")', // ＝
      '\uff0b1', // ＋
      '\uff0d1', // －
      '\uff20SUM(A1)', // ＠
      ' \ufe66cmd', // ﹦ small equals
      '\tplain', // a leading tab alone
    ];
    const harmless = ['a = b', 'plus +', 'e-mail', 'x@y.example', 'Hello'];
    const { doc } = relationshipBoard();
    const ids = [...hostile, ...harmless].map((text, i) =>
      createNote(doc, { x: 100 + i, y: 600, author: 'Ana', text }),
    );
    const csv = notesToCsv(readBoard(doc).ordered);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    const textOf = (id: string) => rows.find((r) => r.id === id)?.text;
    hostile.forEach((text, i) => expect(textOf(ids[i]!), JSON.stringify(text)).toBe(`'${text}`));
    harmless.forEach((text, i) => expect(textOf(ids[hostile.length + i]!)).toBe(text));
  });

  it('carries every label and each link by text and by id', () => {
    const { doc, ids } = sample();
    const rows = Papa.parse<Record<string, string>>(notesToCsv(readBoard(doc).ordered), {
      header: true,
    }).data;
    const rel = rows.find((r) => r.id === ids.rel)!;
    expect(rel).toMatchObject({
      block: 'customerRelationships',
      text: 'Email support',
      type: 'remote',
      mode: 'direct',
      bond: 'transactional',
      intimacy: 'personal',
      costAmount: '12.5',
      costCurrency: 'EUR',
      costPeriod: '',
      evidence: 'said "yes", twice',
      segments: 'Freelancers',
      segmentsIds: ids.segment,
      author: 'Ana',
    });
    const channelIds = [ids.email, ids.shop].sort();
    expect(rel.channelsIds).toBe(channelIds.join(' '));
    const texts = { [ids.email]: 'Email', [ids.shop]: 'Shop' };
    expect(rel.channels).toBe(channelIds.map((id) => texts[id]).join('\n'));
    expect(rel.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
