/**
 * Helpers shared by the lib/doc tests: fresh boards, two peers exchanging updates (live or
 * after an offline period), a transaction recorder and a rich-text fixture. Test-only: nothing
 * in the app imports this file.
 */
import * as Y from 'yjs';
import { initBoardDoc } from './board-doc';
import { createNote } from './notes';

/** Origin of updates applied from the other peer, as a provider would apply them. */
export const REMOTE_ORIGIN = 'remote';

export const TEST_CREATED_AT = 1_700_000_000_000;

/** A board as the server creates it, optionally with a fixed client id (decides map conflicts). */
export function newBoard(clientId?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  initBoardDoc(doc, { title: 'Test board', createdAt: TEST_CREATED_AT });
  return doc;
}

/** A board with two notes: one in key partners, one in channels. */
export function boardWithNotes() {
  const doc = newBoard();
  const partner = createNote(doc, { x: 100, y: 100, author: 'Ana', text: 'Bank' });
  const channel = createNote(doc, { x: 1250, y: 600, author: 'Luis', color: 'blue' });
  return { doc, partner, channel };
}

/**
 * Notes for the Customer Relationships tests, created on `doc` (on peer A, so B sees them):
 * a relationship, two channels, a segment, and a key-partner note no link may reach.
 */
export function addRelationshipNotes(doc: Y.Doc) {
  return {
    rel: createNote(doc, { x: 1250, y: 100, author: 'Ana', text: 'Email support' }),
    email: createNote(doc, { x: 1250, y: 500, author: 'Ana', text: 'Email' }),
    shop: createNote(doc, { x: 1250, y: 700, author: 'Ana', text: 'Shop' }),
    segment: createNote(doc, { x: 1700, y: 100, author: 'Ana', text: 'Freelancers' }),
    partner: createNote(doc, { x: 100, y: 100, author: 'Ana', text: 'Bank' }),
  };
}

/** Sends what each doc lacks to the other, both ways (a reconnect after an offline period). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const forB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const forA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, forB, REMOTE_ORIGIN);
  Y.applyUpdate(a, forA, REMOTE_ORIGIN);
}

export interface Peers {
  a: Y.Doc;
  b: Y.Doc;
  /** Stop forwarding updates: both peers now edit offline. */
  disconnect(): void;
  /** Exchange what was missed, then forward live again. */
  reconnect(): void;
}

/**
 * Two peers of one board, wired live: every update not received from the other peer is applied
 * to it with REMOTE_ORIGIN. `b` starts as a copy of `a`. Client ids may be fixed so a test can
 * decide which peer wins a concurrent write of the same map key.
 */
export function twoPeers(clientIds?: [number, number]): Peers {
  const a = newBoard(clientIds?.[0]);
  const b = new Y.Doc();
  if (clientIds) b.clientID = clientIds[1];
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE_ORIGIN);
  let online = true;
  const forwardTo = (target: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (online && origin !== REMOTE_ORIGIN) Y.applyUpdate(target, update, REMOTE_ORIGIN);
  };
  a.on('update', forwardTo(b));
  b.on('update', forwardTo(a));
  return {
    a,
    b,
    disconnect: () => {
      online = false;
    },
    reconnect: () => {
      exchange(a, b);
      online = true;
    },
  };
}

export interface TransactionLog {
  /** The origin of every transaction, in order. */
  readonly origins: unknown[];
  /** How many updates (transactions that changed something) the doc emitted. */
  readonly updates: number;
  stop(): void;
}

/** Records the transactions of a doc from now on. */
export function recordTransactions(doc: Y.Doc): TransactionLog {
  const origins: unknown[] = [];
  let updates = 0;
  const onTransaction = (tr: Y.Transaction) => origins.push(tr.origin);
  const onUpdate = () => updates++;
  doc.on('afterTransaction', onTransaction);
  doc.on('update', onUpdate);
  return {
    origins,
    get updates() {
      return updates;
    },
    stop: () => {
      doc.off('afterTransaction', onTransaction);
      doc.off('update', onUpdate);
    },
  };
}

function paragraph(...inline: (Y.XmlText | Y.XmlElement)[]): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, inline);
  return element;
}

function bulletList(...items: string[]): Y.XmlElement {
  const list = new Y.XmlElement('bulletList');
  list.insert(
    0,
    items.map((item) => {
      const listItem = new Y.XmlElement('listItem');
      listItem.insert(0, [paragraph(new Y.XmlText(item))]);
      return listItem;
    }),
  );
  return list;
}

/**
 * A note text as Tiptap writes it: a paragraph with a bold run (a mark is a formatting
 * attribute on the Y.XmlText) followed by a bullet list.
 */
export function richTextContent(): Y.XmlElement[] {
  const text = new Y.XmlText();
  text.insert(0, 'Hello ');
  text.insert(6, 'world', { bold: {} });
  return [paragraph(text), bulletList('one', 'two')];
}

/** The plain text of richTextContent(). */
export const RICH_TEXT_PLAIN = 'Hello world\n• one\n• two';

/** Writes content into a fragment the way the note editor does, in its own transaction. */
export function typeInto(
  fragment: Y.XmlFragment,
  content: (Y.XmlElement | Y.XmlText)[],
  origin: unknown = 'editor',
): void {
  const doc = fragment.doc;
  if (!doc) throw new Error('the fragment is not part of a document');
  doc.transact(() => fragment.insert(fragment.length, content), origin);
}
