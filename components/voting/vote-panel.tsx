'use client';
import { useMemo, useState } from 'react';
import { blockTitleKey } from '@/lib/i18n/messages';
import { pluralKey } from '@/lib/i18n/translate';
import { countedDots, dotsLeft, rankNotes, tallyVote } from '@/lib/insights/vote-tally';
import {
  BLOCK_IDS,
  DEFAULT_DOTS_PER_PERSON,
  MAX_DOTS_PER_PERSON,
  MIN_DOTS_PER_PERSON,
  type BlockId,
  type NoteId,
  type NoteRecord,
} from '@/lib/model';
import { useI18n } from '@/lib/react/i18n';
import type { VoteActions, VoteState } from '@/lib/react/use-vote';
import { ModelError } from '@/lib/gestures';
import styles from './vote-panel.module.css';

export interface VotePanelProps {
  state: VoteState;
  /** Null for a viewer: they read the vote and its results, they cannot vote. */
  actions: VoteActions | null;
  /** Only the facilitator opens, closes and clears votes (the server refuses anyone else). */
  isFacilitator: boolean;
  /** This browser's voter id (its user id). */
  voter: string | null;
  notes: ReadonlyMap<NoteId, NoteRecord>;
  /** Notes in reading order, for ties in the ranking. */
  ordered: readonly NoteRecord[];
  /** The one selected note, if exactly one is selected. */
  selected: NoteRecord | null;
  onShowNote(id: NoteId): void;
}

/**
 * The dot vote, in the side panel: the facilitator's controls, your dots left and the
 * buttons for the selected note while the vote is open, the ranking once it is closed.
 */
export function VotePanel(props: VotePanelProps) {
  const { state, actions, isFacilitator, voter, notes, ordered, selected } = props;
  const { vote } = state;
  const { t } = useI18n();
  const [refusal, setRefusal] = useState(false);

  const mine = useMemo(
    () =>
      vote && voter ? countedDots(vote, state.dots.get(voter) ?? new Map(), notes) : new Map(),
    [vote, voter, state.dots, notes],
  );
  const ranking = useMemo(
    () =>
      vote?.state === 'closed' ? rankNotes(tallyVote(vote, state.dots, notes), ordered) : null,
    [vote, state.dots, notes, ordered],
  );

  if (!vote) {
    if (!isFacilitator || !actions) return null;
    return <VoteStarter onStart={(options) => actions.open(options)} />;
  }

  const tryDot = (write: () => void) => {
    try {
      write();
      setRefusal(false);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      // The buttons already rule out what the page knows; a refusal means the vote or the note
      // changed meanwhile (closed, deleted). The model's English reason is for developers.
      setRefusal(true);
    }
  };
  const canVote = vote.state === 'open' && actions !== null;
  const selectedInScope = selected && (!vote.block || selected.block === vote.block);

  return (
    <section className={styles.panel} aria-label={t('vote.heading')} data-testid="vote-panel">
      <h2 className={styles.heading}>{t('vote.heading')}</h2>
      {vote.block && (
        <p className={styles.muted}>
          {t('vote.onlyBlock', { block: t(blockTitleKey(vote.block)) })}
        </p>
      )}
      {vote.state === 'open' && (
        <>
          <p data-testid="vote-status">
            {canVote
              ? t('vote.state.open', { left: dotsLeft(vote, mine), total: vote.dotsPerPerson })
              : t('vote.state.openViewer')}
          </p>
          <p className={styles.muted}>{t('vote.hidden')}</p>
          {canVote && !selectedInScope && <p className={styles.muted}>{t('vote.hint')}</p>}
          {canVote && selected && selectedInScope && (
            <div className={styles.dotRow}>
              <span data-testid="vote-selected-dots">
                {t('vote.selected', { count: mine.get(selected.id) ?? 0 })}
              </span>
              <button
                type="button"
                data-testid="vote-add-dot"
                disabled={dotsLeft(vote, mine) === 0}
                onClick={() => tryDot(() => actions.placeDot(selected.id))}
              >
                {t('vote.addDot')}
              </button>
              <button
                type="button"
                data-testid="vote-remove-dot"
                disabled={!mine.get(selected.id)}
                onClick={() => tryDot(() => actions.removeDot(selected.id))}
              >
                {t('vote.removeDot')}
              </button>
            </div>
          )}
          {refusal && (
            <p role="alert" className={styles.error}>
              {t('vote.refused')}
            </p>
          )}
          {isFacilitator && actions && (
            <button type="button" data-testid="vote-close" onClick={() => actions.close()}>
              {t('vote.close')}
            </button>
          )}
        </>
      )}
      {ranking && (
        <>
          <h3 className={styles.subheading}>{t('vote.results')}</h3>
          {ranking.length === 0 ? (
            <p className={styles.muted}>{t('vote.noDots')}</p>
          ) : (
            <ol className={styles.ranking} data-testid="vote-ranking">
              {ranking.map((entry) => (
                <li key={entry.note.id} data-note={entry.note.id} data-dots={entry.dots}>
                  <span className={styles.rank}>{entry.rank}.</span>
                  <button
                    type="button"
                    className={styles.noteLink}
                    onClick={() => props.onShowNote(entry.note.id)}
                  >
                    {entry.note.text || '…'}
                  </button>
                  <span className={styles.count}>
                    {t(pluralKey('vote.dots', entry.dots), { count: entry.dots })}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {isFacilitator && actions && (
            <button type="button" data-testid="vote-clear" onClick={() => actions.clear()}>
              {t('vote.clear')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** The facilitator's form to open a vote: dots per person, whole board or one block. */
function VoteStarter({
  onStart,
}: {
  onStart(options: { dotsPerPerson: number; block: BlockId | null }): void;
}) {
  const { t } = useI18n();
  const [dots, setDots] = useState(DEFAULT_DOTS_PER_PERSON);
  const [block, setBlock] = useState<BlockId | ''>('');
  return (
    <details className={styles.panel} data-testid="vote-starter">
      <summary className={styles.heading}>{t('vote.start')}</summary>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          onStart({ dotsPerPerson: dots, block: block || null });
        }}
      >
        <label>
          {t('vote.dotsPerPerson')}
          <input
            type="number"
            min={MIN_DOTS_PER_PERSON}
            max={MAX_DOTS_PER_PERSON}
            value={dots}
            data-testid="vote-dots-input"
            onChange={(event) => setDots(Number(event.target.value))}
          />
        </label>
        <label>
          {t('vote.scope')}
          <select
            value={block}
            data-testid="vote-block-select"
            onChange={(event) => setBlock(event.target.value as BlockId | '')}
          >
            <option value="">{t('vote.scope.board')}</option>
            {BLOCK_IDS.map((id) => (
              <option key={id} value={id}>
                {t(blockTitleKey(id))}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="vote-open">
          {t('vote.open')}
        </button>
      </form>
    </details>
  );
}
