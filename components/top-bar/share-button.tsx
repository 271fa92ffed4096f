'use client';

/**
 * Copies the board's link (the page address) and says so for a moment. The link is the key
 * to the board: anyone who has it can edit, which the tooltip tells.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/lib/react/i18n';
import { LinkIcon } from '@/components/ui/icons';
import styles from './share-button.module.css';

/** How long "Link copied" stays on screen. */
const FEEDBACK_MS = 2500;

type CopyState = 'idle' | 'copied' | 'failed';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text); // no Clipboard API outside secure contexts
  }
}

function copyWithSelection(text: string): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

export function ShareButton() {
  const { t } = useI18n();
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const share = async () => {
    const copied = await copyText(window.location.href);
    setState(copied ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), FEEDBACK_MS);
  };

  return (
    <div className={styles.share}>
      <button
        type="button"
        className={styles.button}
        title={t('share.tooltip')}
        data-testid="share-button"
        onClick={() => void share()}
      >
        <LinkIcon size={16} />
        {t('share.button')}
      </button>
      <span className={styles.feedback} data-state={state} role="status" aria-live="polite">
        {state === 'copied' ? t('share.copied') : state === 'failed' ? t('share.failed') : ''}
      </span>
    </div>
  );
}
