'use client';
import { useId, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { importBoardFile, type ImportResult } from '@/lib/export/api-client';
import { issueMessage } from '@/lib/export/issues';
import { pluralKey } from '@/lib/i18n/translate';
import { useI18n } from '@/lib/react/i18n';
import styles from './import-board-button.module.css';

/**
 * "Import a board (JSON)": a board file exported from Lienzo becomes a new board, opened with
 * its facilitator link. The server checks the file; a bad one creates nothing, and its
 * problems are listed here (where in the file, and what is wrong).
 */

type Refusal = Extract<ImportResult, { ok: false }>;

export function ImportBoardButton() {
  const { t } = useI18n();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const ids = useId();
  const [hintId, errorId] = [`${ids}-hint`, `${ids}-error`];

  const importFile = async (file: File) => {
    setPending(true);
    setRefusal(null);
    const result = await importBoardFile(await file.text());
    if (result.ok) {
      router.push(result.path); // the facilitator link
      return;
    }
    setRefusal(result);
    setPending(false);
  };

  const more = refusal ? refusal.count - refusal.issues.length : 0;
  return (
    <section className={styles.root} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} className={styles.heading}>
        {t('import.heading')}
      </h2>
      <p id={hintId} className={styles.hint}>
        {t('import.hint')}
      </p>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-board-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = ''; // choosing the same file again must fire again
          if (file) void importFile(file);
        }}
      />
      <button
        type="button"
        className={styles.button}
        disabled={pending}
        aria-describedby={refusal ? `${hintId} ${errorId}` : hintId}
        data-testid="import-board-button"
        onClick={() => input.current?.click()}
      >
        {pending ? t('import.working') : t('import.choose')}
      </button>
      {refusal && (
        <div id={errorId} role="alert" className={styles.error} data-testid="import-error">
          {refusal.reason === 'refused' ? (
            <>
              <p>{t('import.failed')}</p>
              <ul>
                {refusal.issues.map((issue, index) => (
                  <li key={index}>{issueMessage(issue, t)}</li>
                ))}
              </ul>
              {more > 0 && <p>{t(pluralKey('import.more', more), { count: more })}</p>}
            </>
          ) : (
            <p>
              {t(
                refusal.reason === 'unreachable' ? 'error.serverUnreachable' : 'error.createFailed',
              )}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
