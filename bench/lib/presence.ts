import type * as Y from 'yjs';

/**
 * What a browser tab publishes (lib/model/presence.ts): our server drops a state that is not a
 * Lienzo presence, so an empty one would make "with presence" measure no presence at all.
 */
export function benchPresence(doc: Y.Doc): Record<string, unknown> {
  return {
    user: { id: `bench-${doc.clientID}`, name: 'Bench', color: '#336699' },
    cursor: null,
    editing: null,
    selection: [],
    view: null,
  };
}
