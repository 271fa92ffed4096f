import {
  timerDurationSchema,
  workshopTimerSchema,
  type WorkshopTimer,
} from './records/workshop-timer';

/**
 * The shared countdown, stored as one plain value under workshop.timer (WORKSHOP_KEYS.timer)
 * and replaced whole by each facilitator gesture (only the facilitator writes it).
 * endsAt is in server-clock milliseconds, so every browser counts to the same instant once it
 * corrects for its own clock's offset.
 */
export type { WorkshopTimer } from './records/workshop-timer';
export { MAX_TIMER_MS } from './records/workshop-timer';

export const DEFAULT_TIMER_MS = 5 * 60 * 1000;
export const IDLE_TIMER: WorkshopTimer = { state: 'idle', durationMs: DEFAULT_TIMER_MS };

export function isTimerDuration(value: unknown): value is number {
  return timerDurationSchema.safeParse(value).success;
}

/** Reads a stored value from any peer; anything invalid reads as the idle default. */
export function readTimer(value: unknown): WorkshopTimer {
  const parsed = workshopTimerSchema.safeParse(value);
  if (parsed.success) {
    const timer = parsed.data;
    return timer.state === 'paused'
      ? { ...timer, remainingMs: Math.min(timer.remainingMs, timer.durationMs) }
      : timer;
  }
  // A broken running or paused state keeps its duration: the facilitator's choice survives.
  const durationMs = (value as { durationMs?: unknown } | null)?.durationMs;
  return isTimerDuration(durationMs) ? { state: 'idle', durationMs } : IDLE_TIMER;
}

/** Milliseconds left at server time `now` (never negative). */
export function timerRemainingMs(timer: WorkshopTimer, now: number): number {
  switch (timer.state) {
    case 'idle':
      return timer.durationMs;
    case 'paused':
      return timer.remainingMs;
    case 'running':
      return Math.max(0, timer.endsAt - now);
  }
}

/** The next timer after a facilitator's gesture, at server time `now`. */
export const timerTransitions = {
  /** Starts from the full duration, or resumes a paused timer; a running one runs on. */
  start: (timer: WorkshopTimer, now: number): WorkshopTimer =>
    timer.state === 'running'
      ? timer
      : {
          state: 'running',
          durationMs: timer.durationMs,
          endsAt: now + timerRemainingMs(timer, now),
        },
  pause: (timer: WorkshopTimer, now: number): WorkshopTimer =>
    timer.state === 'running'
      ? { state: 'paused', durationMs: timer.durationMs, remainingMs: timerRemainingMs(timer, now) }
      : timer,
  reset: (timer: WorkshopTimer): WorkshopTimer => ({ state: 'idle', durationMs: timer.durationMs }),
};
