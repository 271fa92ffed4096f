import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MAX_EVIDENCE_LENGTH,
  MAX_LINKS,
  NOTE_KEYS,
  REL_KEYS,
  TYPE_DEFAULTS,
  newNoteId,
  type NoteId,
} from '../model';
import { boardRoots } from './board-doc';
import { ModelError } from './model-error';
import { createNote, moveNotes } from './notes';
import { LOCAL_ORIGIN } from './origins';
import { readBoard } from './read-board';
import { relationshipMapOf } from './relationship-map';
import {
  chooseRelationshipType,
  labelRelationship,
  linkKindFor,
  linkNotes,
  unlinkNotes,
  type RelationshipPatch,
} from './relationships';
import { addRelationshipNotes, newBoard, recordTransactions } from './test-support';

function setup() {
  const doc = newBoard();
  return { doc, ...addRelationshipNotes(doc) };
}

function note(doc: Y.Doc, id: NoteId) {
  const record = readBoard(doc).notes.get(id);
  if (!record) throw new Error(`note ${id} is not on the board`);
  return record;
}

function relMap(doc: Y.Doc, id: NoteId): Y.Map<unknown> {
  return relationshipMapOf(boardRoots(doc).notes.get(id)!)!;
}

/** Runs a write that must be refused, and checks it threw a ModelError and wrote nothing. */
function expectRefused(doc: Y.Doc, write: () => unknown, message?: RegExp) {
  const log = recordTransactions(doc);
  expect(write).toThrow(ModelError);
  if (message) expect(write).toThrow(message);
  expect(log.updates).toBe(0);
  expect(log.origins).toEqual([]);
  log.stop();
}

describe('labelRelationship', () => {
  it('sets several labels in one local transaction', () => {
    const { doc, rel } = setup();
    const log = recordTransactions(doc);
    labelRelationship(doc, rel, {
      type: 'remote',
      motivation: 'retention',
      stage: 'activation',
      audience: 'customers',
      costAmount: 49.5,
      costCurrency: 'EUR',
      costPeriod: 'perMonth',
      status: 'current',
      hypothesis: 'validated',
      evidence: '80% of tickets answered within a day',
    });
    expect(log.origins).toEqual([LOCAL_ORIGIN]);
    expect(log.updates).toBe(1);
    expect(note(doc, rel).relationship).toEqual({
      type: 'remote',
      motivation: 'retention',
      stage: 'activation',
      audience: 'customers',
      costAmount: 49.5,
      costCurrency: 'EUR',
      costPeriod: 'perMonth',
      status: 'current',
      hypothesis: 'validated',
      evidence: '80% of tickets answered within a day',
    });
  });

  it('clears fields with null and sets others in the same transaction', () => {
    const { doc, rel } = setup();
    labelRelationship(doc, rel, { type: 'remote', status: 'planned', costAmount: 10 });
    const log = recordTransactions(doc);
    labelRelationship(doc, rel, { type: null, costAmount: null, hypothesis: 'untested' });
    expect(log.origins).toEqual([LOCAL_ORIGIN]);
    expect(log.updates).toBe(1);
    expect(note(doc, rel).relationship).toEqual({ status: 'planned', hypothesis: 'untested' });
    expect(relMap(doc, rel).has('type')).toBe(false);
  });

  it('writes nothing when nothing changes', () => {
    const { doc, rel } = setup();
    labelRelationship(doc, rel, { status: 'current' });
    const log = recordTransactions(doc);
    labelRelationship(doc, rel, { status: 'current', evidence: null });
    labelRelationship(doc, rel, {});
    expect(log.updates).toBe(0);
  });

  it.each<[string, RelationshipPatch]>([
    ['an unknown type', { type: 'telepathy' as never }],
    ['a negative cost', { costAmount: -1 }],
    ['a NaN cost', { costAmount: Number.NaN }],
    ['a huge cost', { costAmount: 1e15 }],
    ['a lower-case currency', { costCurrency: 'eur' }],
    ['a four-letter currency', { costCurrency: 'EURO' }],
    ['a long evidence', { evidence: 'x'.repeat(MAX_EVIDENCE_LENGTH + 1) }],
    ['an undefined value', { stage: undefined }],
    ['a value of another field', { mode: 'longTerm' as never }],
  ])('refuses %s with a ModelError and writes nothing', (_, patch) => {
    const { doc, rel } = setup();
    labelRelationship(doc, rel, { status: 'current' });
    // The valid field next to the invalid one is not written either.
    expectRefused(doc, () => labelRelationship(doc, rel, { hypothesis: 'testing', ...patch }));
    expect(note(doc, rel).relationship).toEqual({ status: 'current' });
  });

  it.each(['channels', 'color', 'constructor', 'toString', '__proto__'])(
    'refuses the key %j, which is not a label field',
    (key) => {
      const { doc, rel } = setup();
      const patch = JSON.parse(`{"${key}": "x"}`) as RelationshipPatch;
      expectRefused(doc, () => labelRelationship(doc, rel, patch), /unknown relationship field/);
      expect([...relMap(doc, rel).keys()]).toEqual([]);
    },
  );

  it('refuses a note that is not on the board', () => {
    const { doc } = setup();
    expectRefused(doc, () => labelRelationship(doc, newNoteId(), { status: 'current' }), /no note/);
  });

  it('gives a note that lacks a `rel` map one (a note a v1 peer wrote)', () => {
    const { doc, rel } = setup();
    boardRoots(doc).notes.get(rel)!.delete(NOTE_KEYS.rel);
    expect(note(doc, rel).relationship).toEqual({});
    labelRelationship(doc, rel, { status: 'planned' });
    expect(note(doc, rel).relationship).toEqual({ status: 'planned' });
    expect(relMap(doc, rel).toJSON()).toEqual({ status: 'planned' });
  });
});

describe('chooseRelationshipType', () => {
  it('sets the type and the three dimensions it suggests, in one transaction', () => {
    const { doc, rel } = setup();
    const log = recordTransactions(doc);
    chooseRelationshipType(doc, rel, 'selfService');
    expect(log.origins).toEqual([LOCAL_ORIGIN]);
    expect(note(doc, rel).relationship).toEqual({
      type: 'selfService',
      mode: 'direct',
      bond: TYPE_DEFAULTS.selfService.bond,
      intimacy: 'automated',
    });
  });

  it('leaves the dimensions editable, and a new type suggests again', () => {
    const { doc, rel } = setup();
    chooseRelationshipType(doc, rel, 'selfService');
    labelRelationship(doc, rel, { intimacy: 'personal', bond: 'longTerm' });
    expect(note(doc, rel).relationship).toMatchObject({
      type: 'selfService',
      mode: 'direct',
      bond: 'longTerm',
      intimacy: 'personal',
    });
    chooseRelationshipType(doc, rel, 'thirdParty');
    expect(note(doc, rel).relationship).toEqual({
      type: 'thirdParty',
      ...TYPE_DEFAULTS.thirdParty,
    });
    expect(note(doc, rel).relationship.mode).toBe('indirect');
  });

  it('clears only the type with null, keeping the dimensions and other labels', () => {
    const { doc, rel } = setup();
    chooseRelationshipType(doc, rel, 'dedicated');
    labelRelationship(doc, rel, { status: 'current' });
    chooseRelationshipType(doc, rel, null);
    expect(note(doc, rel).relationship).toEqual({ ...TYPE_DEFAULTS.dedicated, status: 'current' });
  });

  it('refuses an unknown type, writing nothing', () => {
    const { doc, rel } = setup();
    expectRefused(doc, () => chooseRelationshipType(doc, rel, 'bots' as never));
  });
});

describe('linkNotes and unlinkNotes', () => {
  it('links to a channel and a segment, the kind decided by the target’s block', () => {
    const { doc, rel, email, shop, segment } = setup();
    expect(linkKindFor(doc, email)).toBe('channels');
    expect(linkKindFor(doc, segment)).toBe('segments');
    const log = recordTransactions(doc);
    expect(linkNotes(doc, rel, shop)).toBe('channels');
    expect(linkNotes(doc, rel, email)).toBe('channels');
    expect(linkNotes(doc, rel, segment)).toBe('segments');
    expect(log.origins).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN]);
    expect(note(doc, rel).links).toEqual({
      channels: [email, shop].sort(),
      segments: [segment],
    });
  });

  it('stores each link as a key of its own: `<kind>:<target id>` = true', () => {
    const { doc, rel, email } = setup();
    linkNotes(doc, rel, email);
    expect(relMap(doc, rel).toJSON()).toEqual({ [`channels:${email}`]: true });
  });

  it('reads and removes a link a schema v2 peer wrote into a nested set', () => {
    const { doc, rel, email } = setup();
    const legacy = new Y.Map<boolean>();
    relMap(doc, rel).set(REL_KEYS.channels, legacy);
    legacy.set(email, true);
    expect(note(doc, rel).links.channels).toEqual([email]);
    expect(linkNotes(doc, rel, email)).toBe('channels');
    unlinkNotes(doc, rel, email);
    expect(note(doc, rel).links.channels).toEqual([]);
    expect(legacy.size).toBe(0);
  });

  it('writes nothing when linking twice', () => {
    const { doc, rel, email } = setup();
    linkNotes(doc, rel, email);
    const log = recordTransactions(doc);
    expect(linkNotes(doc, rel, email)).toBe('channels');
    expect(log.updates).toBe(0);
    expect(note(doc, rel).links.channels).toEqual([email]);
  });

  it('refuses a link from a note outside Customer Relationships', () => {
    const { doc, email, segment, partner } = setup();
    expectRefused(doc, () => linkNotes(doc, partner, email), /Customer Relationships/);
    expectRefused(doc, () => linkNotes(doc, email, segment), /Customer Relationships/);
  });

  it('refuses a target outside Channels and Customer Segments', () => {
    const { doc, rel, partner } = setup();
    const other = createNote(doc, { x: 1300, y: 200, author: 'Ana' });
    expect(linkKindFor(doc, partner)).toBeNull();
    expect(linkKindFor(doc, other)).toBeNull();
    expectRefused(doc, () => linkNotes(doc, rel, partner), /Channels or Customer Segments/);
    expectRefused(doc, () => linkNotes(doc, rel, other)); // another relationship
    expectRefused(doc, () => linkNotes(doc, rel, rel)); // itself
  });

  it('refuses missing notes at either end', () => {
    const { doc, rel, email } = setup();
    expect(linkKindFor(doc, newNoteId())).toBeNull();
    expectRefused(doc, () => linkNotes(doc, rel, newNoteId()), /no note/);
    expectRefused(doc, () => linkNotes(doc, newNoteId(), email), /no note/);
  });

  it(`refuses a link beyond MAX_LINKS (${MAX_LINKS}), which readers would not show`, () => {
    const { doc, rel } = setup();
    const channels = Array.from({ length: MAX_LINKS }, (_, i) =>
      createNote(doc, { x: 1200 + (i % 10) * 20, y: 500 + i * 5, author: 'Ana' }),
    );
    for (const channel of channels) linkNotes(doc, rel, channel);
    expect(note(doc, rel).links.channels).toHaveLength(MAX_LINKS);
    const extra = createNote(doc, { x: 1300, y: 700, author: 'Ana' });
    expectRefused(doc, () => linkNotes(doc, rel, extra), /at most/);
    expect(linkNotes(doc, rel, channels[0]!)).toBe('channels'); // already there: fine
  });

  it('unlinks one target in one local transaction, leaving the others', () => {
    const { doc, rel, email, shop, segment } = setup();
    for (const target of [email, shop, segment]) linkNotes(doc, rel, target);
    const log = recordTransactions(doc);
    unlinkNotes(doc, rel, email);
    unlinkNotes(doc, rel, segment);
    expect(log.origins).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN]);
    expect(note(doc, rel).links).toEqual({ channels: [shop], segments: [] });
  });

  it('writes nothing when unlinking a target that is not linked', () => {
    const { doc, rel, email, shop } = setup();
    linkNotes(doc, rel, email);
    const log = recordTransactions(doc);
    unlinkNotes(doc, rel, shop);
    unlinkNotes(doc, rel, newNoteId());
    expect(log.updates).toBe(0);
    expectRefused(doc, () => unlinkNotes(doc, newNoteId(), email), /no note/);
  });

  it('keeps labels and links when the note moves out of the block and back', () => {
    const { doc, rel, email } = setup();
    labelRelationship(doc, rel, { status: 'planned' });
    linkNotes(doc, rel, email);
    moveNotes(doc, [{ id: rel, x: 100, y: 100 }]);
    expect(note(doc, rel)).toMatchObject({
      block: 'keyPartners',
      relationship: { status: 'planned' },
      links: { channels: [email], segments: [] },
    });
    expectRefused(doc, () => linkNotes(doc, rel, email), /Customer Relationships/);
    moveNotes(doc, [{ id: rel, x: 1250, y: 100 }]);
    expect(note(doc, rel).links.channels).toEqual([email]);
  });
});
