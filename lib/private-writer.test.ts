import { describe, expect, it } from 'vitest';
import { PRIVATE_WRITER_KEY_PREFIX, privateWriterKey } from './private-writer';
import type { StorageLike } from './storage';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('privateWriterKey', () => {
  it('makes a 128-bit secret per board and finds it again', () => {
    const storage = memoryStorage();
    const first = privateWriterKey(storage, 'boardA');
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(privateWriterKey(storage, 'boardA')).toBe(first);
    expect(privateWriterKey(storage, 'boardB')).not.toBe(first);
  });

  it('replaces a stored value that is not a secret', () => {
    const storage = memoryStorage();
    storage.data.set(`${PRIVATE_WRITER_KEY_PREFIX}boardA`, 'guessable');
    expect(privateWriterKey(storage, 'boardA')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('still gives a secret without storage', () => {
    expect(privateWriterKey(null, 'boardA')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
