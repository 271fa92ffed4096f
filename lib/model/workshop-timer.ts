/**
 * The shared countdown, stored as one plain value under workshop.timer (WORKSHOP_KEYS.timer)
 * and replaced whole by each facilitator gesture (only the facilitator writes it).
 * endsAt is in server-clock milliseconds, so every browser counts to the same instant once it
 * corrects for its own clock's offset.
 */
export type WorkshopTimer =
  | { state: 'idle'; durationMs: number }
  | { state: 'running'; durationMs: number; endsAt: number }
  | { state: 'paused'; durationMs: number; remainingMs: number };

/** Longest countdown the facilitator may set: a whole workshop day. */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TIMER_MS = 5 * 60 * 1000;
export const IDLE_TIMER: WorkshopTimer = { state: 'idle', durationMs: DEFAULT_TIMER_MS };

export function isTimerDuration(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_TIMER_MS;
}

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Reads a stored value from any peer; anything invalid reads as the idle default. */
export function readTimer(value: unknown): WorkshopTimer {
  if (typeof value !== 'object' || value === null) return IDLE_TIMER;
  const { state, durationMs, endsAt, remainingMs } = value as Record<string, unknown>;
  if (!isTimerDuration(durationMs)) return IDLE_TIMER;
  if (state === 'running' && isTime(endsAt)) return { state, durationMs, endsAt };
  if (state === 'paused' && isTime(remainingMs))
    return { state, durationMs, remainingMs: Math.min(remainingMs, durationMs) };
  return { state: 'idle', durationMs };
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
