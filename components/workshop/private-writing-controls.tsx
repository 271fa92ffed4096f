'use client';
import { useState } from 'react';
import type { RevealAnswer } from '@/lib/api/reveal';
import { useI18n } from '@/lib/react/i18n';
import type { WorkshopActions } from '@/lib/react/use-workshop-tools';
import styles from './workshop.module.css';

interface PrivateWritingControlsProps {
  on: boolean;
  actions: WorkshopActions;
  /** Asks the server to reveal every draft; resolves to what it did, or null. */
  onReveal(): Promise<RevealAnswer | null>;
}

/** The facilitator's private writing: start it, then reveal everyone's notes at once. */
export function PrivateWritingControls({ on, actions, onReveal }: PrivateWritingControlsProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const reveal = async () => {
    setBusy(true);
    const answer = await onReveal();
    setBusy(false);
    if (answer === null) setResult(t('private.revealFailed'));
    else {
      const revealed = t('private.revealed', { count: String(answer.revealed) });
      // Notes in a block locked at the reveal stay in their drafts (docs/WORKSHOP.md).
      const held = answer.held > 0 ? t('private.held', { count: String(answer.held) }) : '';
      setResult(held ? `${revealed}. ${held}` : revealed);
    }
  };
  return (
    <section className={styles.section} aria-label={t('private.heading')}>
      <h2 className={styles.heading}>{t('private.heading')}</h2>
      {on ? (
        <button
          type="button"
          data-testid="private-reveal"
          disabled={busy}
          onClick={() => void reveal()}
        >
          {t('private.reveal')}
        </button>
      ) : (
        <button
          type="button"
          data-testid="private-start"
          onClick={() => {
            setResult(null);
            actions.startPrivateWriting();
          }}
        >
          {t('private.start')}
        </button>
      )}
      <p className={styles.muted} role="status" data-testid="private-result">
        {result ?? t('private.hint')}
      </p>
    </section>
  );
}
