import { describe, expect, it } from 'vitest';
import { createJsonLogger, type LogLevel } from './json-logger';

function recorded(level: LogLevel = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = createJsonLogger(level, {
    write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  return { logger, lines };
}

describe('createJsonLogger', () => {
  it('writes one JSON object a line, with the level by name, an ISO time and the pid', () => {
    const { logger, lines } = recorded();
    logger.info('production server on http://localhost:3000 (data in /srv/data)');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      pid: process.pid,
      msg: 'production server on http://localhost:3000 (data in /srv/data)',
    });
    expect(new Date(String(lines[0]!.time)).toISOString()).toBe(lines[0]!.time);
  });

  it('keeps the details: text in `detail`, an Error in `err` with its stack', () => {
    const { logger, lines } = recorded();
    logger.warn('WAL checkpoint', 'busy', 3);
    logger.error('GET /api/boards/x failed', new Error('disk I/O error'));
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'WAL checkpoint', detail: 'busy 3' });
    expect(lines[1]).toMatchObject({ level: 'error', err: { message: 'disk I/O error' } });
    expect((lines[1]!.err as { stack: string }).stack).toMatch(/disk I\/O error\n\s+at /);
  });

  it('adds a child logger’s bindings to each of its lines, and keeps them in its children', () => {
    const { logger, lines } = recorded();
    const board = logger.child!({ board: 'b1' });
    board.info('board b1 migrated from schema 1 to 2');
    board.child!({ draft: 'b1.w' }).warn('closing');
    logger.info('not about a board');
    expect(lines[0]).toMatchObject({ board: 'b1', pid: process.pid });
    expect(lines[1]).toMatchObject({ board: 'b1', draft: 'b1.w' });
    expect(lines[2]).not.toHaveProperty('board');
  });

  it('writes only lines at or above its level', () => {
    const { logger, lines } = recorded('warn');
    logger.info('quiet');
    logger.warn('loud');
    logger.error('louder');
    expect(lines.map((line) => line.msg)).toEqual(['loud', 'louder']);
    const silent = recorded('silent');
    silent.logger.error('nothing');
    expect(silent.lines).toHaveLength(0);
  });
});
