'use client';

/**
 * The facilitator's share dialog: the facilitator, editor and viewer links, each with a copy
 * button, and "Regenerate" for the editor and viewer links. Regenerating asks first, since it
 * disconnects everyone who joined with the old link.
 */
import { useEffect, useId, useState } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import {
  fetchBoardLinks,
  regenerateBoardLink,
  type BoardLinks,
  type LinksResult,
} from '@/lib/api/board-links';
import { ROLES, type Role, type SharedRole } from '@/lib/model/roles';
import { useI18n } from '@/lib/react/i18n';
import { copyText } from './copy-text';
import styles from './share-dialog.module.css';

type Status = 'loading' | 'ready' | 'loadFailed' | 'regenerated' | 'regenerateFailed';

const STATUS_MESSAGE = {
  loading: 'share.loading',
  loadFailed: 'share.loadFailed',
  regenerated: 'share.regenerated',
  regenerateFailed: 'share.regenerateFailed',
} as const;

export interface ShareDialogProps {
  boardId: string;
  /** The facilitator's token. */
  token: string;
  onClose: () => void;
}

export function ShareDialog({ boardId, token, onClose }: ShareDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [links, setLinks] = useState<BoardLinks | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [confirming, setConfirming] = useState<SharedRole | null>(null);
  const [copied, setCopied] = useState<Role | null>(null);

  useEffect(() => {
    let live = true;
    void fetchBoardLinks(boardId, token).then((result: LinksResult) => {
      if (!live) return;
      setStatus(result.ok ? 'ready' : 'loadFailed');
      if (result.ok) setLinks(result.links);
    });
    return () => {
      live = false;
    };
  }, [boardId, token]);

  const regenerate = async (role: SharedRole) => {
    setConfirming(null);
    const result = await regenerateBoardLink(boardId, token, role);
    setStatus(result.ok ? 'regenerated' : 'regenerateFailed');
    if (result.ok) setLinks(result.links);
  };

  const copy = async (role: Role, link: string) => {
    if (await copyText(link)) setCopied(role);
  };

  return (
    <ModalDialog open onClose={onClose} labelledBy={titleId} testId="share-dialog" wide>
      <h2 id={titleId} className={styles.title}>
        {t('share.dialogTitle')}
      </h2>
      <p className={styles.intro}>{t('share.dialogIntro')}</p>
      {status !== 'ready' && (
        <p className={styles.status} role="status" data-testid="share-status">
          {t(STATUS_MESSAGE[status])}
        </p>
      )}
      {links && (
        <ul className={styles.links}>
          {ROLES.map((role) => (
            <li key={role} className={styles.link} data-testid={`share-${role}`}>
              <div className={styles.role}>
                <strong>{t(`share.role.${role}`)}</strong>
                <span className={styles.hint}>{t(`share.role.${role}Hint`)}</span>
              </div>
              <div className={styles.row}>
                <input
                  className={styles.url}
                  value={links[role]}
                  readOnly
                  aria-label={t(`share.role.${role}`)}
                  data-testid={`share-link-${role}`}
                  onFocus={(event) => event.currentTarget.select()}
                />
                <button
                  type="button"
                  className={styles.button}
                  data-testid={`share-copy-${role}`}
                  onClick={() => void copy(role, links[role])}
                >
                  {copied === role ? t('share.copied') : t('share.copy')}
                </button>
                {role !== 'facilitator' && (
                  <button
                    type="button"
                    className={styles.button}
                    data-testid={`share-regenerate-${role}`}
                    onClick={() => setConfirming(role)}
                  >
                    {t('share.regenerate')}
                  </button>
                )}
              </div>
              {role !== 'facilitator' && confirming === role && (
                <div className={styles.confirm} role="alert">
                  <p>{t('share.regenerateConfirm', { role: t(`share.role.${role}`) })}</p>
                  <button
                    type="button"
                    className={styles.danger}
                    data-testid={`share-confirm-${role}`}
                    onClick={() => void regenerate(role)}
                  >
                    {t('share.regenerateYes')}
                  </button>
                  <button
                    type="button"
                    className={styles.button}
                    onClick={() => setConfirming(null)}
                  >
                    {t('share.cancel')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.footer}>
        <button type="button" className={styles.button} data-testid="share-close" onClick={onClose}>
          {t('share.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
