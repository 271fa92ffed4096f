import type * as Y from 'yjs';
import { ROOT, WORKSHOP_KEYS, parseFollowSettings, type FollowSettings } from '../model';
import { ModelError } from './model-error';
import { LOCAL_ORIGIN } from './origins';

/** Follow me, as stored (lib/model/follow.ts). One transaction per gesture; not undoable. */

function workshop(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.workshop);
}

export function readFollow(doc: Y.Doc): FollowSettings | null {
  return parseFollowSettings(workshop(doc).get(WORKSHOP_KEYS.follow));
}

/**
 * Starts follow me with `leader` leading, or, when it is already on, brings back everyone who
 * had moved away (a new `since`).
 */
export function startFollow(
  doc: Y.Doc,
  leader: { id: string; name: string },
  now = Date.now(),
): FollowSettings {
  const settings = parseFollowSettings({ leader: leader.id, name: leader.name, since: now });
  if (!settings) throw new ModelError('invalid leader');
  doc.transact(() => workshop(doc).set(WORKSHOP_KEYS.follow, settings), LOCAL_ORIGIN);
  return settings;
}

export function stopFollow(doc: Y.Doc): void {
  if (!workshop(doc).has(WORKSHOP_KEYS.follow)) return;
  doc.transact(() => workshop(doc).delete(WORKSHOP_KEYS.follow), LOCAL_ORIGIN);
}
