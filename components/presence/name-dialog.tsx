'use client';

/**
 * Asks for a display name on the first visit to a board. The field comes prefilled (and
 * selected) with a suggestion, so Enter alone is enough; an empty name is refused.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import {
  cleanDisplayName,
  guestNumberFor,
  loadOrCreateUserId,
  MAX_DISPLAY_NAME_LENGTH,
} from '@/lib/identity';
import { useI18n } from '@/lib/react/i18n';
import { browserStorage } from '@/lib/storage';
import styles from './name-dialog.module.css';

export interface NameDialogProps {
  /** Defaults to true, so the dialog can also be shown by mounting it. */
  open?: boolean;
  /**
   * The name to prefill. Without it, the suggestion "Guest 482" / "Invitado 482", with a
   * number fixed for this browser (derived from its user id in localStorage).
   */
  defaultName?: string;
  /** The chosen name, trimmed, 1 to MAX_DISPLAY_NAME_LENGTH characters. */
  onSubmit: (name: string) => void;
}

export function NameDialog({ open = true, defaultName, onSubmit }: NameDialogProps) {
  const ids = useId();
  return (
    <ModalDialog
      open={open}
      labelledBy={`${ids}-title`}
      describedBy={`${ids}-description`}
      testId="name-dialog"
    >
      <NameForm ids={ids} defaultName={defaultName} onSubmit={onSubmit} />
    </ModalDialog>
  );
}

function NameForm({ ids, defaultName, onSubmit }: Omit<NameDialogProps, 'open'> & { ids: string }) {
  const { t } = useI18n();
  // Read once: the dialog is shown in the browser only, after the identity is known.
  const [guestNumber] = useState(() => guestNumberFor(loadOrCreateUserId(browserStorage())));
  const suggestion = defaultName ?? t('identity.guestName', { number: guestNumber });
  const [draft, setDraft] = useState<string | null>(null); // null: untouched, show suggestion
  const [showError, setShowError] = useState(false);
  const [inputId, hintId, errorId] = [`${ids}-input`, `${ids}-hint`, `${ids}-error`];
  const value = draft ?? suggestion;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = cleanDisplayName(value);
    if (name === null) setShowError(true);
    else onSubmit(name);
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <h2 id={`${ids}-title`} className={styles.title}>
        {t('nameDialog.title')}
      </h2>
      <p id={`${ids}-description`} className={styles.description}>
        {t('nameDialog.description')}
      </p>
      <label className={styles.label} htmlFor={inputId}>
        {t('nameDialog.label')}
      </label>
      <input
        id={inputId}
        className={styles.input}
        value={value}
        maxLength={MAX_DISPLAY_NAME_LENGTH}
        required
        autoComplete="nickname"
        spellCheck={false}
        aria-invalid={showError || undefined}
        aria-describedby={showError ? errorId : hintId}
        data-autofocus
        data-testid="name-input"
        onChange={(event) => {
          setDraft(event.target.value);
          setShowError(false);
        }}
      />
      {showError ? (
        <p id={errorId} className={styles.error} role="alert">
          {t('nameDialog.required')}
        </p>
      ) : (
        <p id={hintId} className={styles.hint}>
          {t('nameDialog.hint', { max: MAX_DISPLAY_NAME_LENGTH })}
        </p>
      )}
      <button type="submit" className={styles.submit} data-testid="name-submit">
        {t('nameDialog.submit')}
      </button>
    </form>
  );
}
