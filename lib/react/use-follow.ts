'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { readFollow, startFollow, stopFollow } from '../doc';
import type { FollowSettings, Size } from '../model';
import { useWorkshopValue } from './use-workshop-value';
import { useSessionValue } from './use-session';
import { updatePresence, type BoardConnection, type PresenceUser } from '../sync';
import { followViewport, visibleBoardRect, type Viewport } from '../view/viewport';

/** The leader's view is published at most this often while they pan or zoom. */
const VIEW_SYNC_INTERVAL_MS = 50;

export interface FollowState {
  settings: FollowSettings | null;
  /** This person started follow me: their view is the one others follow. */
  leading: boolean;
  /** Their view follows the leader's right now. */
  following: boolean;
  /** Follow me is on, but they panned or zoomed away. */
  detached: boolean;
  rejoin(): void;
  /** Facilitator: start following me, or bring back everyone who moved away. */
  start(): void;
  stop(): void;
}

interface FollowInputs {
  connection: BoardConnection | null;
  user: PresenceUser | null;
  viewport: Viewport;
  screen: Size;
  /** Moves the camera for the person, without counting as their own move. */
  followTo(viewport: Viewport): void;
  /** Counts the person's own camera moves; a change while following stops following. */
  userMoves: number;
}

/**
 * Follow me: the leader publishes the board area on their screen (awareness, throttled);
 * everyone else's camera shows that area until they move their own camera, which detaches
 * them until they rejoin or the facilitator brings everyone back.
 */
export function useFollow(inputs: FollowInputs): FollowState {
  const { connection, user, viewport, screen, followTo, userMoves } = inputs;
  const settings = useWorkshopValue(connection, readFollow, null);
  const leading = !!settings && !!user && settings.leader === user.id;
  const [detachedFrom, setDetachedFrom] = useState<number | null>(null);
  const following = !!settings && !leading && detachedFrom !== settings.since;

  // The leader shares their view; anyone else shares none.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const view = leading && screen.width > 0 ? visibleBoardRect(viewport, screen) : null;
  const viewKey = view ? `${view.x},${view.y},${view.width},${view.height}` : '';
  const latestView = useRef(view);
  latestView.current = view;
  useEffect(() => {
    if (!connection || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      updatePresence(connection.awareness, { view: latestView.current });
    }, VIEW_SYNC_INTERVAL_MS);
  }, [connection, viewKey]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // A move of the person's own while following detaches them from this round of follow me.
  const seenMoves = useRef(userMoves);
  useEffect(() => {
    if (userMoves === seenMoves.current) return;
    seenMoves.current = userMoves;
    if (following && settings) setDetachedFrom(settings.since);
  }, [userMoves, following, settings]);

  // The leader's view, kept by the session while it is the same (not every cursor move).
  const leaderView = useSessionValue((s) => (settings ? s.getLeaderView(settings.leader) : null));
  const leaderKey = leaderView
    ? `${leaderView.x},${leaderView.y},${leaderView.width},${leaderView.height}`
    : '';
  useEffect(() => {
    if (following && leaderView && screen.width > 0) followTo(followViewport(leaderView, screen));
    // leaderKey stands for leaderView's content: peers are re-read on every awareness change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [following, leaderKey, screen, followTo]);

  return {
    settings,
    leading,
    following,
    detached: !!settings && !leading && !following,
    rejoin: useCallback(() => setDetachedFrom(null), []),
    start: useCallback(() => {
      if (connection && user) startFollow(connection.doc, user);
    }, [connection, user]),
    stop: useCallback(() => {
      if (connection) stopFollow(connection.doc);
    }, [connection]),
  };
}
