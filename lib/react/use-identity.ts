'use client';
import { useCallback, useEffect, useState } from 'react';
import { loadIdentity, saveDisplayName, type LocalIdentity } from '../identity';
import { browserStorage } from '../storage';

/**
 * This browser's identity (id, colour, remembered name). Null during the server render and
 * the first client render, so both render the same thing.
 */
export function useIdentity(): {
  identity: LocalIdentity | null;
  setName(name: string): void;
} {
  const [identity, setIdentity] = useState<LocalIdentity | null>(null);
  useEffect(() => setIdentity(loadIdentity(browserStorage())), []);
  const setName = useCallback((raw: string) => {
    const name = saveDisplayName(browserStorage(), raw);
    if (name) setIdentity((current) => (current ? { ...current, name } : current));
  }, []);
  return { identity, setName };
}
