'use client';

/**
 * "New board": an optional title, then POST /api/boards and off to the new board's
 * facilitator link. Errors
 * (title too long, server unreachable, anything else) are shown under the field.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { createBoard, type CreateBoardFailure } from '@/lib/api/create-board';
import type { MessageKey } from '@/lib/i18n/messages';
import { cleanTitle, MAX_TITLE_LENGTH } from '@/lib/model/schema';
import { useI18n } from '@/lib/react/i18n';
import { rememberBoard } from '@/lib/recent-boards';
import { browserStorage } from '@/lib/storage';
import styles from './new-board-form.module.css';

const FAILURE_MESSAGE: Record<CreateBoardFailure, MessageKey> = {
  unreachable: 'error.serverUnreachable',
  titleTooLong: 'error.titleTooLong',
  failed: 'error.createFailed',
};

export function NewBoardForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [pending, setPending] = useState(false);
  const ids = useId();
  const [inputId, hintId, errorId] = [`${ids}-title`, `${ids}-hint`, `${ids}-error`];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    // An empty title becomes "Untitled board" in the creator's language.
    const clean = cleanTitle(title.trim() === '' ? t('home.newBoard.defaultTitle') : title);
    if (!clean.ok) {
      setError('error.titleTooLong');
      return;
    }
    setError(null);
    setPending(true);
    const result = await createBoard(clean.title);
    if (!result.ok) {
      setError(FAILURE_MESSAGE[result.reason]);
      setPending(false);
      return;
    }
    rememberBoard(browserStorage(), {
      id: result.id,
      title: clean.title,
      openedAt: Date.now(),
      path: result.path,
    });
    // The facilitator link: its token makes this browser the board's owner.
    router.push(result.path); // stays pending until the board page replaces this one
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <h2 className={styles.heading}>{t('home.newBoard.heading')}</h2>
      <label className={styles.label} htmlFor={inputId}>
        {t('home.newBoard.titleLabel')}
      </label>
      <div className={styles.row}>
        <input
          id={inputId}
          className={styles.input}
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          placeholder={t('home.newBoard.titlePlaceholder')}
          autoComplete="off"
          aria-invalid={error === 'error.titleTooLong' || undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          data-testid="new-board-title"
          onChange={(event) => {
            setTitle(event.target.value);
            if (error === 'error.titleTooLong') setError(null);
          }}
        />
        <button
          type="submit"
          className={styles.submit}
          disabled={pending}
          aria-busy={pending || undefined}
          data-testid="new-board-submit"
        >
          {pending ? t('home.newBoard.creating') : t('home.newBoard.submit')}
        </button>
      </div>
      <p id={hintId} className={styles.hint}>
        {t('home.newBoard.titleHint', { max: MAX_TITLE_LENGTH })}
      </p>
      {error ? (
        <p id={errorId} className={styles.error} role="alert">
          {t(error, { max: MAX_TITLE_LENGTH })}
        </p>
      ) : null}
    </form>
  );
}
