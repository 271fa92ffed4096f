'use client';

/**
 * The side panel for the selection. Nothing selected: a hint and the board's note count.
 * One note: its block, colour, text, author and creation time, with edit, duplicate and
 * delete, and for a Customer Relationships note its labels and links (RelationshipEditor).
 * Several: how many, their colour, and the gestures of the table offered for the selection
 * (duplicate, bring to front, delete: gesture-buttons.tsx). Every action here is also a
 * keyboard shortcut on the board; the panel makes them reachable for people and tests that
 * cannot use the canvas.
 */
import { ColorPalette } from './color-palette';
import { NoteDetails } from './note-details';
import { RelationshipEditor, type RelationshipBindings } from './relationship-editor';
import { GestureButtons } from './gesture-buttons';
import { PencilIcon } from '@/components/ui/icons';
import type { SelectionGestureName } from '@/lib/gestures/selection-gestures';
import type { NoteColor } from '@/lib/model/colors';
import type { NoteRecord } from '@/lib/model/note';
import { pluralKey } from '@/lib/i18n/translate';
import { useI18n } from '@/lib/react/i18n';
import styles from './note-panel.module.css';

export interface NotePanelProps {
  /** The selected notes; empty when nothing is selected. */
  notes: readonly NoteRecord[];
  /** How many notes the whole board holds, for the overview shown without a selection. */
  noteCount: number;
  /** Recolour every selected note. */
  onColor: (color: NoteColor) => void;
  /** Run a gesture of the table on the selection (duplicate, bring to front, delete...). */
  onGesture: (name: SelectionGestureName) => void;
  /** Open the text editor of the selected note (offered only when exactly one is selected). */
  onEditText: () => void;
  /**
   * The Customer Relationships editor's data and callbacks, shown when exactly one note of
   * that block is selected. Without it, such a note gets the plain panel.
   */
  relationship?: RelationshipBindings;
  /** A viewer's panel: the note's details only, no colour or actions. */
  readOnly?: boolean;
}

/** The colour all the notes share, or null when they differ (or there are none). */
export function sharedColor(notes: readonly NoteRecord[]): NoteColor | null {
  const first = notes[0]?.color;
  return first !== undefined && notes.every((note) => note.color === first) ? first : null;
}

export function NotePanel({
  notes,
  noteCount,
  onColor,
  onGesture,
  onEditText,
  relationship,
  readOnly = false,
}: NotePanelProps) {
  const { t } = useI18n();
  const [single] = notes;
  const heading =
    notes.length === 0
      ? null
      : notes.length === 1
        ? t('panel.oneNote')
        : t('panel.manyNotes', { count: notes.length });

  return (
    <aside className={styles.panel} aria-label={t('panel.label')} data-testid="note-panel">
      {heading === null ? (
        <div className={styles.empty}>
          <p>{t('panel.emptyHint')}</p>
          <p className={styles.count}>
            {t(pluralKey('panel.noteCount', noteCount), { count: noteCount })}
          </p>
        </div>
      ) : (
        <>
          <h2 className={styles.heading}>{heading}</h2>
          {notes.length === 1 && single ? <NoteDetails note={single} /> : null}
          {notes.length === 1 && single?.block === 'customerRelationships' && relationship ? (
            <RelationshipEditor key={single.id} note={single} {...relationship} />
          ) : null}
          {readOnly ? null : (
            <NoteActions
              count={notes.length}
              color={sharedColor(notes)}
              onColor={onColor}
              onGesture={onGesture}
              onEditText={onEditText}
            />
          )}
        </>
      )}
    </aside>
  );
}

/** Colour, edit and the selection's gestures: everything in the panel that changes the board. */
function NoteActions({
  count,
  color,
  onColor,
  onGesture,
  onEditText,
}: Pick<NotePanelProps, 'onColor' | 'onGesture' | 'onEditText'> & {
  count: number;
  color: NoteColor | null;
}) {
  const { t } = useI18n();
  return (
    <>
      <ColorPalette current={color} onColor={onColor} />
      <div className={styles.actions}>
        {count === 1 ? (
          <button
            type="button"
            className={styles.action}
            aria-keyshortcuts="Enter"
            data-testid="edit-note-text"
            onClick={onEditText}
          >
            <PencilIcon size={16} />
            <span>{t('panel.editText')}</span>
            <kbd>{t('shortcut.edit')}</kbd>
          </button>
        ) : null}
        <GestureButtons onGesture={onGesture} />
      </div>
    </>
  );
}
