import { describe, expect, it } from 'vitest';
import { ROOT, WORKSHOP_KEYS } from '../model';
import { IDLE_TIMER, readTimer, timerRemainingMs } from '../model/workshop-timer';
import { ModelError } from './model-error';
import { newBoard } from './test-support';
import { pauseTimer, readBoardTimer, resetTimer, setTimerDuration, startTimer } from './timer';

const MINUTE = 60_000;

describe('timer', () => {
  it('starts, pauses, resumes and resets in server time', () => {
    const doc = newBoard();
    setTimerDuration(doc, 3 * MINUTE);
    startTimer(doc, 1_000);
    expect(readBoardTimer(doc)).toEqual({
      state: 'running',
      durationMs: 3 * MINUTE,
      endsAt: 181_000,
    });
    expect(timerRemainingMs(readBoardTimer(doc), 61_000)).toBe(2 * MINUTE);
    pauseTimer(doc, 61_000);
    expect(readBoardTimer(doc)).toEqual({
      state: 'paused',
      durationMs: 3 * MINUTE,
      remainingMs: 2 * MINUTE,
    });
    expect(timerRemainingMs(readBoardTimer(doc), 999_999)).toBe(2 * MINUTE);
    startTimer(doc, 100_000);
    expect(timerRemainingMs(readBoardTimer(doc), 100_000 + MINUTE)).toBe(MINUTE);
    expect(timerRemainingMs(readBoardTimer(doc), 10 ** 9)).toBe(0);
    resetTimer(doc);
    expect(readBoardTimer(doc)).toEqual({ state: 'idle', durationMs: 3 * MINUTE });
  });

  it('refuses an invalid duration', () => {
    const doc = newBoard();
    expect(() => setTimerDuration(doc, 0)).toThrow(ModelError);
    expect(() => setTimerDuration(doc, Number.NaN)).toThrow(ModelError);
    expect(readBoardTimer(doc)).toEqual(IDLE_TIMER);
  });

  it("reads a peer's invalid value as idle, never throwing", () => {
    expect(readTimer('running')).toEqual(IDLE_TIMER);
    expect(readTimer({ state: 'running', durationMs: 5 })).toEqual({
      state: 'idle',
      durationMs: 5,
    });
    expect(readTimer({ state: 'paused', durationMs: 5, remainingMs: 9 })).toEqual({
      state: 'paused',
      durationMs: 5,
      remainingMs: 5,
    });
    const doc = newBoard();
    doc
      .getMap(ROOT.workshop)
      .set(WORKSHOP_KEYS.timer, { state: 'running', durationMs: -1, endsAt: 1 });
    expect(readBoardTimer(doc)).toEqual(IDLE_TIMER);
  });
});
