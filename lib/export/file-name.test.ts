import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-name';

describe('exportFileName', () => {
  it('makes a safe, readable name from the title', () => {
    expect(exportFileName('Coffee for Offices', 'pdf')).toBe('coffee-for-offices.pdf');
    expect(exportFileName('  Señal: ¿qué/cómo? ', 'png')).toBe('senal-que-como.png');
    expect(exportFileName('Plan', 'json')).toBe('plan.lienzo.json');
  });

  it('falls back to a generic name when nothing is left', () => {
    expect(exportFileName('???', 'csv')).toBe('lienzo-board.csv');
    expect(exportFileName('', 'md')).toBe('lienzo-board.md');
  });
});
