import { relationshipTypeKey, stageKey } from '../i18n/relationship-keys';
import type { MessageKey } from '../i18n/messages';
import { highlightedNotes, type BoardFilter } from '../insights/filter';
import { NOTE_COLORS, type NoteId, type NoteRecord } from '../model';
import type { BoardSnapshot } from '../doc';
import type { BoardSession } from './board-session';

/** What the board adds to a note beyond its record: labels at a glance, filter, colour. */
export interface NoteDecoration {
  /** Short label line (relationship type · funnel stage), drawn as a strip at the bottom. */
  readonly badge: string | null;
  /** The note is an untested hypothesis: a "?" mark in its corner. */
  readonly untested: boolean;
  /** Fill lent by another note (a segment's colour), instead of the note's own. */
  readonly fill: string | null;
  /** Left out by the current filter. */
  readonly faded: boolean;
  /** Dot vote: your dots while the vote is open, everyone's once it is closed; 0 for none. */
  readonly dots: number;
  /** Open comment threads on the note (0: no mark). */
  readonly comments: number;
  /** In this person's private draft: only they see it until the facilitator reveals it. */
  readonly draft: boolean;
}

/** What the page chooses for the decorations (its filter, the votes, the comments, the language). */
export interface DecorationInputs {
  readonly filter: BoardFilter;
  /** Relationship notes take their first segment's colour. */
  readonly segmentColors: boolean;
  /** Dots to show per note, from the notes on the board (dot voting). */
  readonly dots: (notes: ReadonlyMap<NoteId, NoteRecord>) => ReadonlyMap<NoteId, number>;
  /** Open comment threads per note. */
  readonly openThreads: ReadonlyMap<NoteId, number>;
  readonly t: (key: MessageKey) => string;
}

const FIELDS = ['badge', 'untested', 'fill', 'faded', 'dots', 'comments', 'draft'] as const;

function sameDecoration(a: NoteDecoration | undefined, b: NoteDecoration): boolean {
  return a !== undefined && FIELDS.every((field) => a[field] === b[field]);
}

/**
 * Every note's decoration, computed again when the board or the inputs changed, each note's
 * record kept while it is equal: a note node reads its own (get(id)) and re-renders only
 * when its decoration changed. Only notes with something to show have one.
 */
export function computeDecorations(
  snapshot: BoardSnapshot,
  draftIds: ReadonlySet<NoteId>,
  inputs: DecorationInputs,
  previous: ReadonlyMap<NoteId, NoteDecoration>,
): ReadonlyMap<NoteId, NoteDecoration> {
  const { filter, segmentColors, openThreads, t } = inputs;
  const dots = inputs.dots(snapshot.notes);
  const highlighted = highlightedNotes(snapshot.ordered, filter);
  const decorations = new Map<NoteId, NoteDecoration>();
  for (const note of snapshot.ordered) {
    const faded = highlighted !== null && !highlighted.has(note.id);
    const isRelationship = note.block === 'customerRelationships';
    const { type, stage, hypothesis } = note.relationship;
    const badge = isRelationship
      ? [type && t(relationshipTypeKey(type)), stage && t(stageKey(stage))]
          .filter(Boolean)
          .join(' · ') || null
      : null;
    const segment = segmentColors && isRelationship ? note.links.segments[0] : undefined;
    const segmentNote = segment ? snapshot.notes.get(segment) : undefined;
    const fill = segmentNote ? NOTE_COLORS[segmentNote.color] : null;
    const untested = isRelationship && hypothesis === 'untested';
    const noteDots = dots.get(note.id) ?? 0;
    const comments = openThreads.get(note.id) ?? 0;
    const draft = draftIds.has(note.id);
    if (!(faded || badge || fill || untested || noteDots > 0 || comments > 0 || draft)) continue;
    const next = { badge, untested, fill, faded, dots: noteDots, comments, draft };
    const kept = previous.get(note.id);
    decorations.set(note.id, kept && sameDecoration(kept, next) ? kept : next);
  }
  return decorations;
}

/** The decorations of one open board, for note nodes to subscribe to one by one. */
export class DecorationStore {
  private inputs: DecorationInputs | null = null;
  private readonly listeners = new Set<() => void>();
  private computed: {
    snapshot: BoardSnapshot;
    inputs: DecorationInputs;
    map: ReadonlyMap<NoteId, NoteDecoration>;
  } | null = null;

  private faded: { from: ReadonlyMap<NoteId, NoteDecoration> | null; ids: ReadonlySet<NoteId> } = {
    from: null,
    ids: new Set(),
  };

  constructor(private readonly session: BoardSession) {}

  /** Set by the page whenever its filter, votes, comments or language change. */
  setInputs(inputs: DecorationInputs): void {
    this.inputs = inputs;
    for (const listener of [...this.listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    const stop = this.session.subscribe(listener);
    return () => {
      this.listeners.delete(listener);
      stop();
    };
  };

  get = (id: NoteId): NoteDecoration | null => this.all().get(id) ?? null;

  /** The notes the filter leaves out (their connectors fade with them); kept while equal. */
  getFaded = (): ReadonlySet<NoteId> => {
    const all = this.all();
    if (this.faded.from === all) return this.faded.ids;
    const ids = new Set<NoteId>();
    for (const [id, decoration] of all) if (decoration.faded) ids.add(id);
    const same = ids.size === this.faded.ids.size && [...ids].every((id) => this.faded.ids.has(id));
    this.faded = { from: all, ids: same ? this.faded.ids : ids };
    return this.faded.ids;
  };

  /** Every decoration, computed at most once per board change or input change. */
  all(): ReadonlyMap<NoteId, NoteDecoration> {
    const snapshot = this.session.getSnapshot();
    const inputs = this.inputs;
    if (!inputs) return NONE;
    const last = this.computed;
    if (last?.snapshot === snapshot && last.inputs === inputs) return last.map;
    const map = computeDecorations(snapshot, this.session.getDraftIds(), inputs, last?.map ?? NONE);
    this.computed = { snapshot, inputs, map };
    return map;
  }
}

const NONE: ReadonlyMap<NoteId, NoteDecoration> = new Map();
