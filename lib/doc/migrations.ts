import * as Y from 'yjs';
import { META_KEYS, SCHEMA_VERSION } from '../model';
import { boardRoots } from './board-doc';
import { SERVER_ORIGIN } from './origins';
import { ensureRelationshipMap, flattenLinkSets } from './relationship-map';

/**
 * One step of the document schema: turns a board at version `from` into version `from + 1`.
 * Steps run on the server when a board is loaded, inside one transaction, so every client
 * receives the migrated document as an ordinary update.
 */
export interface MigrationStep {
  from: number;
  describe: string;
  migrate(doc: Y.Doc): void;
}

/**
 * The steps, in order; each has a test in migrations.test.ts.
 */
export const MIGRATIONS: readonly MigrationStep[] = [
  {
    from: 1,
    describe: 'give every note a `rel` map for Customer Relationships labels and links',
    // Created once, here, rather than on first use by whichever client labels first: two
    // clients creating the map at the same moment would each keep a different map, and
    // Yjs would keep only one of them, losing the other's labels.
    migrate(doc) {
      boardRoots(doc).notes.forEach((note) => {
        if (note instanceof Y.Map) ensureRelationshipMap(note);
      });
    },
  },
  {
    from: 2,
    describe: 'store each link as a key of the `rel` map instead of in nested link sets',
    // Two nested maps per note made large boards slow to load (see relationship-map.ts).
    migrate(doc) {
      boardRoots(doc).notes.forEach((note) => {
        if (note instanceof Y.Map) flattenLinkSets(note);
      });
    },
  },
];

export type MigrationResult =
  | { status: 'current'; version: number }
  | { status: 'migrated'; from: number; to: number }
  | { status: 'newer'; version: number }
  | { status: 'empty' };

/**
 * Brings a stored board to `target` (SCHEMA_VERSION unless a test says otherwise). A document
 * written by newer code is left untouched: this code cannot know what it would break.
 */
export function migrateBoardDoc(
  doc: Y.Doc,
  steps: readonly MigrationStep[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): MigrationResult {
  const { meta } = boardRoots(doc);
  const stored = meta.get(META_KEYS.schemaVersion);
  if (typeof stored !== 'number') return { status: 'empty' };
  if (stored > target) return { status: 'newer', version: stored };
  if (stored === target) return { status: 'current', version: stored };
  // Find every step before writing anything: a Yjs transaction cannot be rolled back, so a
  // gap found halfway would leave the document at an intermediate version.
  const chain: MigrationStep[] = [];
  for (let version = stored; version < target; version++) {
    const step = steps.find((s) => s.from === version);
    if (!step) throw new Error(`no migration from schema version ${version}`);
    chain.push(step);
  }
  doc.transact(() => {
    for (const step of chain) {
      step.migrate(doc);
      meta.set(META_KEYS.schemaVersion, step.from + 1);
    }
  }, SERVER_ORIGIN);
  return { status: 'migrated', from: stored, to: target };
}
