'use client';
import { useCallback, useMemo, useState } from 'react';
import type { NoteId, NoteRecord } from '@/lib/model';
import type { SelectMode } from '@/components/board/board-canvas';

/**
 * The notes this person has selected. The selection is page state, not document state; a note
 * someone else deletes leaves it by itself (it is read through the current notes).
 */
export function useBoardSelection(
  notes: ReadonlyMap<NoteId, NoteRecord>,
  /** Called when a gesture selects something, so the side panel can show the note. */
  onSelected: () => void,
) {
  const [rawSelection, setSelection] = useState<ReadonlySet<NoteId>>(new Set());
  const selection = useMemo(
    () => new Set([...rawSelection].filter((id) => notes.has(id))),
    [rawSelection, notes],
  );
  const selectedNotes = useMemo(
    () => [...selection].map((id) => notes.get(id)!),
    [selection, notes],
  );

  const onSelect = useCallback(
    (ids: readonly NoteId[], mode: SelectMode) => {
      if (ids.length > 0) onSelected();
      setSelection((current) => {
        if (mode === 'replace') return new Set(ids);
        const next = new Set(current);
        for (const id of ids) {
          if (mode === 'toggle' && next.has(id)) next.delete(id);
          else next.add(id);
        }
        return next;
      });
    },
    [onSelected],
  );

  /** Selects exactly these notes (a new note, a duplicate, a step with Tab). */
  const selectOnly = useCallback((ids: Iterable<NoteId>) => setSelection(new Set(ids)), []);

  return { selection, selectedNotes, selectedIds: [...selection], onSelect, selectOnly };
}
