import * as Y from 'yjs';

/**
 * What an update would do to the room's document, read in place (nothing is applied). Shared
 * by the update guard, which asks what a change touches, and the read-only path, which asks
 * whether a viewer's dropped update changed anything at all.
 */

/**
 * An update as Yjs decodes it. The server decodes each update once, when it checks the frame
 * (protocol.ts), and the guard and the read-only path read that same result.
 */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

type DeleteSet = DecodedUpdate['ds'];

/**
 * The items of `doc` that `ds` deletes anew. A client sends its whole delete set with every
 * update, so most of what it names is deleted in the room already and changes nothing.
 */
export function* newlyDeleted(doc: Y.Doc, ds: DeleteSet): Generator<Y.Item> {
  for (const [client, deletes] of ds.clients) {
    const structsOfClient = doc.store.clients.get(client);
    if (!structsOfClient) continue;
    const last = structsOfClient[structsOfClient.length - 1];
    for (const { clock, len } of deletes) {
      const end = clock + len;
      if (!last || clock >= last.id.clock + last.length) continue;
      for (let i = Y.findIndexSS(structsOfClient, clock); i < structsOfClient.length; i++) {
        const struct = structsOfClient[i]!;
        if (struct.id.clock >= end) break;
        if (struct instanceof Y.Item && !struct.deleted) yield struct;
      }
    }
  }
}

/**
 * Whether `doc` lacks some of `struct`: the room already holds every struct below its clock
 * for that client, and Yjs integrates only the part past it. A client re-sends what the room
 * has (y-indexeddb loading a copy of the board is sent as one update): that part writes
 * nothing and is judged by no guard.
 */
export function isNewToDoc(doc: Y.Doc, struct: Y.Item | Y.GC | Y.Skip): boolean {
  return struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client);
}

/**
 * Whether `update` holds anything `doc` lacks: a struct past the room's clock for its client,
 * or the deletion of an item the room still shows. A client answering the server's step 1
 * with nothing new (the usual case, and always a viewer's on connecting) changes nothing.
 */
export function changesDoc(doc: Y.Doc, { structs, ds }: DecodedUpdate): boolean {
  const grows = structs.some((struct) => !(struct instanceof Y.Skip) && isNewToDoc(doc, struct));
  return grows || !newlyDeleted(doc, ds).next().done;
}
