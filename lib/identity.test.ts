import { describe, expect, it } from 'vitest';
import {
  cleanDisplayName,
  colorForUserId,
  DISPLAY_NAME_KEY,
  guestNumberFor,
  initialsOf,
  isUserId,
  loadDisplayName,
  loadIdentity,
  loadOrCreateUserId,
  MAX_DISPLAY_NAME_LENGTH,
  newUserId,
  PRESENCE_COLORS,
  saveDisplayName,
  USER_ID_KEY,
} from './identity';
import { memoryStorage, type StorageLike } from './storage';

const throwingStorage: StorageLike = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

function contrastWithWhite(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}

describe('user id', () => {
  it('is random and well-formed', () => {
    const a = newUserId();
    expect(isUserId(a)).toBe(true);
    expect(newUserId()).not.toBe(a);
  });

  it('is created once and then remembered', () => {
    const storage = memoryStorage();
    const id = loadOrCreateUserId(storage);
    expect(storage.getItem(USER_ID_KEY)).toBe(id);
    expect(loadOrCreateUserId(storage)).toBe(id);
  });

  it('replaces a corrupt stored id', () => {
    const storage = memoryStorage({ [USER_ID_KEY]: 'not an id' });
    const id = loadOrCreateUserId(storage);
    expect(isUserId(id)).toBe(true);
    expect(storage.getItem(USER_ID_KEY)).toBe(id);
  });

  it('works without storage (server render, blocked storage)', () => {
    expect(isUserId(loadOrCreateUserId(null))).toBe(true);
    expect(isUserId(loadOrCreateUserId(throwingStorage))).toBe(true);
  });
});

describe('presence colour', () => {
  it('offers eight distinct colours, readable under white text', () => {
    expect(new Set(PRESENCE_COLORS).size).toBe(8);
    for (const color of PRESENCE_COLORS) expect(contrastWithWhite(color)).toBeGreaterThan(4.5);
  });

  it('is stable for an id and spread over the palette', () => {
    const id = newUserId();
    expect(colorForUserId(id)).toBe(colorForUserId(id));
    const used = new Set(Array.from({ length: 200 }, () => colorForUserId(newUserId())));
    expect(used.size).toBe(PRESENCE_COLORS.length);
  });
});

describe('suggested guest number', () => {
  it('is a stable three-digit number', () => {
    for (let i = 0; i < 100; i += 1) {
      const id = newUserId();
      const n = guestNumberFor(id);
      expect(n).toBe(guestNumberFor(id));
      expect(n).toBeGreaterThanOrEqual(100);
      expect(n).toBeLessThanOrEqual(999);
      expect(Number.isInteger(n)).toBe(true);
    }
  });
});

describe('display name', () => {
  it('is trimmed, collapsed, required and capped', () => {
    expect(cleanDisplayName('  Ana   María  ')).toBe('Ana María');
    expect(cleanDisplayName('   ')).toBeNull();
    expect(cleanDisplayName(42)).toBeNull();
    const long = cleanDisplayName('x'.repeat(100));
    expect(long).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
  });

  it('does not split characters outside the basic plane', () => {
    const name = cleanDisplayName('😀'.repeat(50));
    expect(Array.from(name ?? '')).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
  });

  it('is remembered', () => {
    const storage = memoryStorage();
    expect(loadDisplayName(storage)).toBeNull();
    expect(saveDisplayName(storage, ' Lucía ')).toBe('Lucía');
    expect(loadDisplayName(storage)).toBe('Lucía');
    expect(saveDisplayName(storage, '  ')).toBeNull();
    expect(storage.getItem(DISPLAY_NAME_KEY)).toBe('Lucía');
  });

  it('survives storage that throws', () => {
    expect(saveDisplayName(throwingStorage, 'Ana')).toBe('Ana');
    expect(loadDisplayName(throwingStorage)).toBeNull();
  });
});

describe('loadIdentity', () => {
  it('gathers id, colour and name', () => {
    const storage = memoryStorage({ [DISPLAY_NAME_KEY]: 'Pablo' });
    const identity = loadIdentity(storage);
    expect(identity.name).toBe('Pablo');
    expect(identity.color).toBe(colorForUserId(identity.id));
    expect(loadIdentity(storage).id).toBe(identity.id);
  });
});

describe('initialsOf', () => {
  it('takes the first letters of up to two words', () => {
    expect(initialsOf('Ana García López')).toBe('AG');
    expect(initialsOf('ana')).toBe('A');
    expect(initialsOf('Guest 482')).toBe('G');
    expect(initialsOf('Élodie ñandú')).toBe('ÉÑ');
    expect(initialsOf('42')).toBe('4');
    expect(initialsOf('   ')).toBe('?');
  });
});
