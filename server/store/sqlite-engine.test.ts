import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite-engine';
import { describeStoreContract } from './store-contract';

describeStoreContract('sqlite', {
  newPlace: () => mkdtemp(join(tmpdir(), 'lienzo-store-')),
  open: (place) => SqliteStore.open(place, { checkpointIntervalMs: 60_000 }),
  removePlace: (place) => rm(place, { recursive: true, force: true }),
});
