'use client';

/**
 * Share. For the facilitator it opens the share dialog (the three links, and regenerating
 * the editor and viewer ones). For everyone else it copies their own link (the page address,
 * token included) and says so for a moment; the tooltip says what that link allows.
 */
import { useEffect, useRef, useState } from 'react';
import type { Role } from '@/lib/model/roles';
import { useI18n } from '@/lib/react/i18n';
import { LinkIcon } from '@/components/ui/icons';
import { copyText } from './copy-text';
import { ShareDialog } from './share-dialog';
import styles from './share-button.module.css';

/** How long "Link copied" stays on screen. */
const FEEDBACK_MS = 2500;

type CopyState = 'idle' | 'copied' | 'failed';

const TOOLTIP = {
  facilitator: 'share.tooltipFacilitator',
  editor: 'share.tooltip',
  viewer: 'share.tooltipViewer',
} as const;

export interface ShareButtonProps {
  boardId: string;
  role: Role;
  /** This page's token: the facilitator's, for the links API. */
  token: string;
}

export function ShareButton({ boardId, role, token }: ShareButtonProps) {
  const { t } = useI18n();
  const [state, setState] = useState<CopyState>('idle');
  const [dialogOpen, setDialogOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const share = async () => {
    if (role === 'facilitator') {
      setDialogOpen(true);
      return;
    }
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
        title={t(TOOLTIP[role])}
        aria-haspopup={role === 'facilitator' ? 'dialog' : undefined}
        data-testid="share-button"
        onClick={() => void share()}
      >
        <LinkIcon size={16} />
        {t('share.button')}
      </button>
      <span className={styles.feedback} data-state={state} role="status" aria-live="polite">
        {state === 'copied' ? t('share.copied') : state === 'failed' ? t('share.failed') : ''}
      </span>
      {dialogOpen && (
        <ShareDialog boardId={boardId} token={token} onClose={() => setDialogOpen(false)} />
      )}
    </div>
  );
}
