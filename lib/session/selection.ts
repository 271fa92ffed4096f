/**
 * The notes this person has selected: page state, not document state, held outside React so
 * a note node subscribes to whether it is selected (a click re-renders the notes whose
 * selection changed, not the board). A note someone else deletes leaves it by itself: the
 * session reads the selection through the current notes.
 */
export type SelectMode = 'replace' | 'toggle' | 'add';

export class SelectionStore<Id> {
  private ids: ReadonlySet<Id> = new Set();
  private readonly listeners = new Set<() => void>();
  private readonly picked = new Set<() => void>();

  get = (): ReadonlySet<Id> => this.ids;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Hears a person's pick (select with ids), not selectOnly: the side panel shows the note. */
  onPicked = (listener: () => void): (() => void) => {
    this.picked.add(listener);
    return () => this.picked.delete(listener);
  };

  /** Selects exactly these ids (a new note, a duplicate, a step with Tab). */
  selectOnly = (ids: Iterable<Id>): void => this.set(new Set(ids));

  /** A person's gesture: a click, a shift-click, a selection rectangle. */
  select = (ids: readonly Id[], mode: SelectMode): void => {
    if (ids.length > 0) for (const listener of [...this.picked]) listener();
    if (mode === 'replace') return this.set(new Set(ids));
    const next = new Set(this.ids);
    for (const id of ids) {
      if (mode === 'toggle' && next.has(id)) next.delete(id);
      else next.add(id);
    }
    this.set(next);
  };

  private set(next: ReadonlySet<Id>): void {
    if (next.size === this.ids.size && [...next].every((id) => this.ids.has(id))) return;
    this.ids = next;
    for (const listener of this.listeners) listener();
  }
}
