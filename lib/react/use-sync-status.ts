'use client';
import { useSyncExternalStore } from 'react';
import type { BoardConnection, ConnectionStatus } from '../sync';

const noop = () => () => {};

export function useSyncStatus(connection: BoardConnection | null): ConnectionStatus {
  return useSyncExternalStore(
    connection ? connection.onStatus : noop,
    () => connection?.getStatus() ?? 'connecting',
    () => 'connecting' as const,
  );
}
