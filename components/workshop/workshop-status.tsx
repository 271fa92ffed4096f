'use client';
import { useI18n } from '@/lib/react/i18n';
import { useNow } from '@/lib/react/use-now';
import { timerRemainingMs, type WorkshopTimer } from '@/lib/model/workshop-timer';
import { formatCountdown } from '@/lib/view/countdown';
import styles from './workshop.module.css';

interface WorkshopStatusProps {
  timer: WorkshopTimer;
  /** Milliseconds from this browser's clock to the server's (the timer counts in its time). */
  serverOffset: number;
  /** The board-wide lock is on for this person (an editor; the facilitator is never locked). */
  boardLocked: boolean;
  /**
   * Private writing, shown to everyone so nobody wonders where the notes went: 'writer' for
   * someone whose notes are now private, 'watcher' for a viewer, null when it is off.
   */
  privateWriting: 'writer' | 'watcher' | null;
}

/**
 * What everyone sees of the facilitator's tools in the board's corner: the running or paused
 * countdown (hidden while the timer is idle), private writing, and that the board is locked.
 */
export function WorkshopStatus(props: WorkshopStatusProps) {
  const { timer, serverOffset, boardLocked, privateWriting } = props;
  const { t } = useI18n();
  const now = useNow(timer.state === 'running') + serverOffset;
  if (timer.state === 'idle' && !boardLocked && privateWriting === null) return null;
  const remaining = timerRemainingMs(timer, now);
  const state = timer.state === 'running' && remaining === 0 ? 'over' : timer.state;
  return (
    <div className={styles.status}>
      {timer.state !== 'idle' && (
        <div
          role="timer"
          aria-label={t('timer.label')}
          className={styles.timer}
          data-testid="workshop-timer"
          data-state={state}
        >
          {state === 'over'
            ? t('timer.timesUp')
            : state === 'paused'
              ? `${t('timer.paused')} ${formatCountdown(remaining)}`
              : formatCountdown(remaining)}
        </div>
      )}
      {privateWriting && (
        <div role="status" className={styles.private} data-testid="private-writing-on">
          {t(privateWriting === 'writer' ? 'private.on' : 'private.onViewer')}
        </div>
      )}
      {boardLocked && (
        <div role="status" className={styles.locked} data-testid="board-locked">
          {t('workshop.boardLocked')}
        </div>
      )}
    </div>
  );
}
