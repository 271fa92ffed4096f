'use client';

/**
 * A text field edited locally and written once: on blur or Enter, not on every keystroke
 * (each write is an undo step and a message to every peer). Esc goes back to the stored
 * value. While nobody types, the field shows the stored value, so a peer's change appears
 * at once. A draft still open when the field goes away (the selection changed, the panel
 * closed) is committed then, through the callbacks of the note it was typed for.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface Draft {
  /** What the field shows: the draft while editing, the stored value otherwise. */
  readonly value: string;
  readonly editing: boolean;
  change(text: string): void;
  /** Blur or Enter: hands the draft to `accept`; a rejected draft stays for correction. */
  commit(): void;
  /** Esc: drops the draft. */
  revert(): void;
}

/**
 * `accept` writes the text (or nothing, when it equals the stored value) and returns true,
 * or returns false when the text is invalid, keeping the draft.
 */
export function useDraft(stored: string, accept: (text: string) => boolean): Draft {
  const [draft, setDraft] = useState<string | null>(null);
  const latest = useRef({ draft, accept });
  useLayoutEffect(() => {
    latest.current = { draft, accept };
  });
  useEffect(
    () => () => {
      const pending = latest.current;
      if (pending.draft === null) return;
      try {
        pending.accept(pending.draft);
      } catch {
        // The note went away with the field (deleted here or by a peer): nothing to save to.
      }
    },
    [],
  );

  return {
    value: draft ?? stored,
    editing: draft !== null,
    change: setDraft,
    commit() {
      if (draft !== null && accept(draft)) setDraft(null);
    },
    revert() {
      setDraft(null);
    },
  };
}
