'use client';

/**
 * The notes of one block (Channels or Customer Segments) a relationship is linked to: each
 * with its text (a button that shows it on the board) and a remove button, then a select
 * to link one more. With the block still empty, a hint says to fill it first.
 */
import { useId } from 'react';
import { CloseIcon } from '@/components/ui/icons';
import { relationshipFieldKey } from '@/lib/i18n/relationship-keys';
import type { Translate } from '@/lib/i18n/translate';
import type { NoteId } from '@/lib/model/ids';
import type { NoteRecord } from '@/lib/model/note';
import type { LinkKind } from '@/lib/model/relationship';
import { useI18n } from '@/lib/react/i18n';
import styles from './relationship.module.css';

/** Longest note text shown in a list or option; the full text is in the tooltip. */
const MAX_LABEL_LENGTH = 60;

const COPY = {
  channels: {
    testId: 'channel',
    add: 'rel.links.addChannel',
    allLinked: 'rel.links.allChannelsLinked',
    emptyBlock: 'rel.links.noChannels',
    noneLinked: 'rel.links.noneChannels',
  },
  segments: {
    testId: 'segment',
    add: 'rel.links.addSegment',
    allLinked: 'rel.links.allSegmentsLinked',
    emptyBlock: 'rel.links.noSegments',
    noneLinked: 'rel.links.noneSegments',
  },
} as const;

/**
 * A short name for each note, by its text: the first non-blank line, cut to a readable
 * length; "(empty note)" without text; a number after repeats so every option differs.
 */
export function noteLabels(notes: readonly NoteRecord[], t: Translate): Map<NoteId, string> {
  const labels = new Map<NoteId, string>();
  const seen = new Map<string, number>();
  for (const note of notes) {
    const line = note.text.split('\n').find((l) => l.trim() !== '') ?? '';
    const trimmed = line.replace(/\s+/g, ' ').trim();
    let label =
      trimmed === ''
        ? t('rel.links.emptyNote')
        : trimmed.length > MAX_LABEL_LENGTH
          ? `${trimmed.slice(0, MAX_LABEL_LENGTH - 1)}…`
          : trimmed;
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    if (count > 1) label = `${label} (${count})`;
    labels.set(note.id, label);
  }
  return labels;
}

export interface LinkListProps {
  kind: LinkKind;
  /** The ids this relationship links to, in this block. */
  linked: readonly NoteId[];
  /** Every note of the block (Channels or Customer Segments). */
  candidates: readonly NoteRecord[];
  onLink: (target: NoteId) => void;
  onUnlink: (target: NoteId) => void;
  onShowNote: (id: NoteId) => void;
}

export function LinkList({
  kind,
  linked,
  candidates,
  onLink,
  onUnlink,
  onShowNote,
}: LinkListProps) {
  const { t } = useI18n();
  const headingId = useId();
  const copy = COPY[kind];
  const labels = noteLabels(candidates, t);
  const fullText = new Map(candidates.map((note) => [note.id, note.text.trim()]));
  const linkedSet = new Set(linked);
  const unlinked = candidates.filter((note) => !linkedSet.has(note.id));

  return (
    <div className={styles.field} role="group" aria-labelledby={headingId}>
      <span id={headingId} className={styles.label}>
        {t(relationshipFieldKey(kind))}
      </span>
      {linked.length > 0 ? (
        <ul className={styles.linkList}>
          {linked.map((id) => {
            const label = labels.get(id) ?? t('rel.links.missing');
            return (
              <li
                key={id}
                className={styles.linkItem}
                data-testid={`rel-linked-${copy.testId}`}
                data-note-id={id}
              >
                <button
                  type="button"
                  className={styles.linkText}
                  title={fullText.get(id) || label}
                  aria-label={t('rel.links.show', { text: label })}
                  onClick={() => onShowNote(id)}
                >
                  {label}
                </button>
                <button
                  type="button"
                  className={styles.unlink}
                  title={t('rel.links.remove', { text: label })}
                  aria-label={t('rel.links.remove', { text: label })}
                  data-testid="rel-unlink"
                  onClick={() => onUnlink(id)}
                >
                  <CloseIcon size={14} />
                </button>
              </li>
            );
          })}
        </ul>
      ) : candidates.length > 0 ? (
        <p className={styles.hint}>{t(copy.noneLinked)}</p>
      ) : null}
      {candidates.length === 0 ? (
        <p className={styles.emptyBlock} data-testid={`rel-link-${copy.testId}-empty`}>
          {t(copy.emptyBlock)}
        </p>
      ) : (
        <select
          className={styles.select}
          value=""
          aria-label={t(copy.add)}
          disabled={unlinked.length === 0}
          data-testid={`rel-link-${copy.testId}-add`}
          onChange={(event) => {
            const target = unlinked.find((note) => note.id === event.target.value);
            if (target) onLink(target.id);
          }}
        >
          <option value="">{t(unlinked.length === 0 ? copy.allLinked : copy.add)}</option>
          {unlinked.map((note) => (
            <option key={note.id} value={note.id} title={note.text.trim() || undefined}>
              {labels.get(note.id)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
