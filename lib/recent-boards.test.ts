import { describe, expect, it } from 'vitest';
import {
  forgetBoard,
  loadRecentBoards,
  MAX_RECENT_BOARDS,
  parseRecentBoards,
  RECENT_BOARDS_KEY,
  recentBoardHref,
  rememberBoard,
  renameRecentBoard,
  type RecentBoard,
} from './recent-boards';
import { memoryStorage } from './storage';

/** A valid 22-character board id ending in the given digits. */
function boardId(n: number): string {
  return `board${String(n).padStart(17, '0')}`;
}

function board(n: number, openedAt = n, title = `Board ${n}`): RecentBoard {
  return { id: boardId(n), title, openedAt };
}

describe('links with tokens', () => {
  it('remembers the link a board was opened with, and keeps it across a rename', () => {
    const storage = memoryStorage();
    const path = `/b/${boardId(1)}?t=abc`;
    rememberBoard(storage, { ...board(1, 100), path });
    const [entry] = rememberBoard(storage, board(1, 200, 'Renamed'));
    expect(entry).toEqual({ ...board(1, 200, 'Renamed'), path });
    expect(recentBoardHref(entry!)).toBe(path);
  });

  it('drops a path to another board or another site, and old entries open the bare address', () => {
    const storage = memoryStorage();
    for (const path of [`/b/${boardId(2)}?t=x`, 'https://evil.example/b/x', 42]) {
      const [entry] = rememberBoard(storage, { ...board(1), path } as RecentBoard);
      expect(entry).toEqual(board(1));
      expect(recentBoardHref(entry!)).toBe(`/b/${boardId(1)}`);
    }
  });
});

describe('rememberBoard', () => {
  it('keeps the most recent first', () => {
    const storage = memoryStorage();
    rememberBoard(storage, board(1, 100));
    rememberBoard(storage, board(2, 200));
    expect(loadRecentBoards(storage).map((b) => b.id)).toEqual([boardId(2), boardId(1)]);
  });

  it('moves a reopened board to the top, once, with its latest title', () => {
    const storage = memoryStorage();
    rememberBoard(storage, board(1, 100));
    rememberBoard(storage, board(2, 200));
    const list = rememberBoard(storage, board(1, 300, 'Renamed'));
    expect(list).toEqual([board(1, 300, 'Renamed'), board(2, 200)]);
    expect(loadRecentBoards(storage)).toEqual(list);
  });

  it(`keeps at most ${MAX_RECENT_BOARDS}`, () => {
    const storage = memoryStorage();
    for (let n = 1; n <= MAX_RECENT_BOARDS + 5; n += 1) rememberBoard(storage, board(n));
    const list = loadRecentBoards(storage);
    expect(list).toHaveLength(MAX_RECENT_BOARDS);
    expect(list[0]?.id).toBe(boardId(MAX_RECENT_BOARDS + 5));
    expect(list.some((b) => b.id === boardId(1))).toBe(false);
  });

  it('ignores an entry with an invalid id', () => {
    const storage = memoryStorage();
    expect(rememberBoard(storage, { id: '../admin', title: 'x', openedAt: 1 })).toEqual([]);
  });

  it('works without storage', () => {
    expect(rememberBoard(null, board(1))).toEqual([board(1)]);
  });
});

describe('parseRecentBoards', () => {
  it('survives corrupt or foreign JSON', () => {
    expect(parseRecentBoards(null)).toEqual([]);
    expect(parseRecentBoards('{not json')).toEqual([]);
    expect(parseRecentBoards('{"id":"x"}')).toEqual([]);
    expect(parseRecentBoards('null')).toEqual([]);
  });

  it('keeps the valid entries of a partly broken list, sorted and deduplicated', () => {
    const json = JSON.stringify([
      board(1, 10),
      null,
      { id: boardId(2), title: 5, openedAt: 1 },
      { id: boardId(3), title: 'No date' },
      board(4, 40),
      board(1, 5, 'Older copy'),
      { id: boardId(5), title: 'Bad date', openedAt: 'yesterday' },
    ]);
    expect(parseRecentBoards(json)).toEqual([board(4, 40), board(1, 10)]);
  });

  it('recovers when storage holds garbage', () => {
    const storage = memoryStorage({ [RECENT_BOARDS_KEY]: 'garbage' });
    expect(rememberBoard(storage, board(1))).toEqual([board(1)]);
  });
});

describe('renameRecentBoard and forgetBoard', () => {
  it('renames in place without reordering', () => {
    const storage = memoryStorage();
    rememberBoard(storage, board(1, 100));
    rememberBoard(storage, board(2, 200));
    const list = renameRecentBoard(storage, boardId(1), 'New name');
    expect(list.map((b) => b.title)).toEqual(['Board 2', 'New name']);
    expect(renameRecentBoard(storage, boardId(9), 'Unknown')).toEqual(list);
  });

  it('forgets a board', () => {
    const storage = memoryStorage();
    rememberBoard(storage, board(1, 100));
    rememberBoard(storage, board(2, 200));
    expect(forgetBoard(storage, boardId(2))).toEqual([board(1, 100)]);
    expect(loadRecentBoards(storage)).toEqual([board(1, 100)]);
  });
});
