'use client';

/**
 * The board page's top bar: "Lienzo · <title>" on the left; who is here, the connection,
 * Share, the language switch and help on the right. Presentational: the page passes the
 * board's state in and receives the person's intents through callbacks.
 */
import Link from 'next/link';
import { ExportMenu } from '@/components/export/export-menu';
import { LanguageSwitch } from '@/components/i18n/language-switch';
import { PresenceAvatars, type PresencePerson } from '@/components/presence/presence-avatars';
import { canEdit, type Role } from '@/lib/model/roles';
import { useI18n } from '@/lib/react/i18n';
import { BoardTitleInput } from './board-title-input';
import { ConnectionStatusIndicator, type ConnectionStatus } from './connection-status';
import { ShareButton } from './share-button';
import styles from './top-bar.module.css';

export type { ConnectionStatus, PresencePerson };

export interface TopBarProps {
  /** The board's current title. */
  title: string;
  /** The person renamed the board (trimmed, changed, never empty). */
  onRename: (title: string) => void;
  /** Everyone on the board, yourself included (isSelf). */
  people: readonly PresencePerson[];
  status: ConnectionStatus;
  /** The "?" button was pressed: show the help dialog. */
  onHelp: () => void;
  boardId: string;
  /** What this page's link allows: viewers get a read-only title and a "View only" badge. */
  role: Role;
  /** This page's link token (the share dialog uses the facilitator's). */
  token: string;
}

export function TopBar(props: TopBarProps) {
  const { title, onRename, people, status, onHelp, boardId, role, token } = props;
  const { t } = useI18n();
  const readOnly = !canEdit(role);
  return (
    <header className={styles.bar}>
      <div className={styles.start}>
        <Link href="/" className={styles.brand} aria-label={t('app.home')}>
          {t('app.name')}
        </Link>
        <span className={styles.separator} aria-hidden="true">
          ·
        </span>
        <BoardTitleInput title={title} onRename={onRename} readOnly={readOnly} />
        {readOnly && (
          <span className={styles.badge} title={t('role.viewOnlyHint')} data-testid="view-only">
            {t('role.viewOnly')}
          </span>
        )}
      </div>
      <div className={styles.end}>
        <PresenceAvatars people={people} />
        <ConnectionStatusIndicator status={status} />
        <ExportMenu boardId={boardId} token={token} title={title} />
        <ShareButton boardId={boardId} role={role} token={token} />
        <LanguageSwitch />
        <button
          type="button"
          className={styles.help}
          aria-label={t('help.button')}
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          title={t('help.button')}
          data-testid="help-button"
          onClick={onHelp}
        >
          ?
        </button>
      </div>
    </header>
  );
}
