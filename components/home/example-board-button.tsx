'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { createBoard } from '@/lib/api/create-board';
import { useI18n } from '@/lib/react/i18n';
import styles from './example-board-button.module.css';

/**
 * "Open the example board": a new board, filled with a fully labelled and linked example in
 * the reader's language, so a first-time user sees what a good canvas looks like.
 */
export function ExampleBoardButton() {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  const open = async () => {
    setPending(true);
    setFailed(false);
    const result = await createBoard({ example: true, locale });
    if (result.ok) {
      router.push(result.path); // the facilitator link
      return;
    }
    setFailed(true);
    setPending(false);
  };

  return (
    <div className={styles.root}>
      <button
        type="button"
        className={styles.button}
        disabled={pending}
        data-testid="open-example-board"
        onClick={() => void open()}
      >
        {t('home.example.open')}
      </button>
      <p className={styles.hint}>{t('home.example.hint')}</p>
      {failed && (
        <p role="alert" className={styles.error}>
          {t('error.createFailed')}
        </p>
      )}
    </div>
  );
}
