import * as Y from 'yjs';
import { WORKSHOP_KEYS } from '../model';
import { workshopMap } from './locks';
import {
  isTimerDuration,
  readTimer,
  timerTransitions,
  type WorkshopTimer,
} from '../model/workshop-timer';
import { ModelError } from './model-error';
import { LOCAL_ORIGIN } from './origins';

/**
 * The facilitator's timer gestures, one transaction each. `now` is the server's time as this
 * browser estimates it (local clock plus the offset measured against the server), so that
 * endsAt means the same instant in every browser.
 */

export function readBoardTimer(doc: Y.Doc): WorkshopTimer {
  return readTimer(workshopMap(doc).get(WORKSHOP_KEYS.timer));
}

function writeTimer(doc: Y.Doc, timer: WorkshopTimer): void {
  doc.transact(() => workshopMap(doc).set(WORKSHOP_KEYS.timer, { ...timer }), LOCAL_ORIGIN);
}

/** Sets the duration; the timer stops and shows the new full duration. */
export function setTimerDuration(doc: Y.Doc, durationMs: number): void {
  if (!isTimerDuration(durationMs)) throw new ModelError(`invalid timer duration ${durationMs}`);
  writeTimer(doc, { state: 'idle', durationMs });
}

export function startTimer(doc: Y.Doc, now: number): void {
  writeTimer(doc, timerTransitions.start(readBoardTimer(doc), now));
}

export function pauseTimer(doc: Y.Doc, now: number): void {
  writeTimer(doc, timerTransitions.pause(readBoardTimer(doc), now));
}

export function resetTimer(doc: Y.Doc): void {
  writeTimer(doc, timerTransitions.reset(readBoardTimer(doc)));
}
