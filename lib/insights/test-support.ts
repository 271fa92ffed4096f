/**
 * Hand-made boards for the lib/insights tests: NoteRecords built tersely by name, in reading
 * order (each note sits below the one built before it). Test-only: the app never imports it.
 */
import type { BlockId, NoteId, NoteRecord, RelationshipLabels } from '../model';

/** A valid note id from a short name: id('vip') is 'note_vip_____________'. */
export function id(name: string): NoteId {
  if (!/^[A-Za-z0-9-]{1,16}$/.test(name)) throw new Error(`bad test note name ${name}`);
  return `note_${name.padEnd(16, '_')}` as NoteId;
}

let nextY = 0;

export interface NoteOptions {
  text?: string;
  /** Reading position; by default below every note built so far. */
  x?: number;
  y?: number;
}

export function note(block: BlockId, name: string, options: NoteOptions = {}): NoteRecord {
  nextY += 10;
  return {
    id: id(name),
    block,
    x: options.x ?? 0,
    y: options.y ?? nextY,
    width: 160,
    height: 110,
    color: 'yellow',
    z: 0,
    author: 'Test',
    createdAt: 0,
    text: options.text ?? name,
    relationship: {},
    links: { channels: [], segments: [] },
  };
}

export function segment(name: string, options?: NoteOptions): NoteRecord {
  return note('customerSegments', name, options);
}

export function channel(name: string, options?: NoteOptions): NoteRecord {
  return note('channels', name, options);
}

export interface RelationshipOptions extends NoteOptions {
  /** Names of the linked segment notes (they need not exist: deleted links). */
  segments?: string[];
  channels?: string[];
}

/** A Customer Relationships note with labels and links by name. */
export function relationship(
  name: string,
  labels: RelationshipLabels = {},
  { segments = [], channels = [], ...options }: RelationshipOptions = {},
): NoteRecord {
  return {
    ...note('customerRelationships', name, options),
    relationship: labels,
    links: { segments: segments.map(id), channels: channels.map(id) },
  };
}
