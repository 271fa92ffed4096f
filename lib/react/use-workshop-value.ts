'use client';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { ROOT } from '../model';
import type { BoardConnection } from '../sync';

/**
 * A value read from the board's facilitator state (the `workshop` map), read again whenever
 * that map changes. `read` must be a stable function (a module-level reader).
 */
export function useWorkshopValue<T>(
  connection: BoardConnection | null,
  read: (doc: Y.Doc) => T,
  initial: T,
): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (!connection) return;
    const { doc } = connection;
    const workshop = doc.getMap(ROOT.workshop);
    const update = () => setValue(read(doc));
    update();
    workshop.observeDeep(update);
    return () => workshop.unobserveDeep(update);
  }, [connection, read]);
  return value;
}
