'use client';
import { useState } from 'react';
import { useI18n } from '@/lib/react/i18n';
import type { WorkshopActions } from '@/lib/react/use-workshop-tools';
import { MAX_TIMER_MS, type WorkshopTimer } from '@/lib/model/workshop-timer';
import styles from './workshop.module.css';

const MINUTE_MS = 60_000;
const MAX_MINUTES = MAX_TIMER_MS / MINUTE_MS;

/**
 * The facilitator's timer: a duration in minutes (set while the timer is idle), start or
 * resume, pause, reset. Everyone sees the countdown (WorkshopStatus).
 */
export function TimerControls({
  timer,
  actions,
}: {
  timer: WorkshopTimer;
  actions: WorkshopActions;
}) {
  const { t } = useI18n();
  // The field holds what is typed; the stored duration changes only on a valid whole number.
  const [typed, setTyped] = useState<string | null>(null);
  const minutes = typed ?? String(Math.round(timer.durationMs / MINUTE_MS));
  const setMinutes = (value: string) => {
    setTyped(value);
    const n = Number(value);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_MINUTES) actions.setTimerDuration(n * MINUTE_MS);
  };
  return (
    <section className={styles.section} aria-label={t('timer.heading')}>
      <h2 className={styles.heading}>{t('timer.heading')}</h2>
      <label className={styles.minutes}>
        {t('timer.minutes')}
        <input
          type="number"
          min={1}
          max={MAX_MINUTES}
          step={1}
          value={minutes}
          disabled={timer.state !== 'idle'}
          data-testid="timer-minutes"
          onChange={(event) => setMinutes(event.target.value)}
          onBlur={() => setTyped(null)}
        />
      </label>
      {timer.state === 'running' ? (
        <button type="button" data-testid="timer-pause" onClick={actions.pauseTimer}>
          {t('timer.pause')}
        </button>
      ) : (
        <button type="button" data-testid="timer-start" onClick={actions.startTimer}>
          {timer.state === 'paused' ? t('timer.resume') : t('timer.start')}
        </button>
      )}
      {timer.state !== 'idle' && (
        <button type="button" data-testid="timer-reset" onClick={actions.resetTimer}>
          {t('timer.reset')}
        </button>
      )}
    </section>
  );
}
