import type pg from 'pg';
import { ROLES, type BoardId, type Role } from '../../../lib/model';
import type { StoredToken, StoredTokens } from '../../auth/tokens';
import type { StoredVersion, StoredVersionMeta, VersionKind } from '../store';
import { toBytes } from './log-queries';

/** The SQL of a board's links and versions (schema.ts); each function one transaction. */

type Db = pg.Pool | pg.PoolClient;

interface TokenRow {
  role: Role;
  hash: Buffer;
  salt: Buffer | null;
}

interface VersionRow {
  id: string;
  name: string;
  kind: VersionKind;
  created_at: string;
}

function versionMeta(row: VersionRow): StoredVersionMeta {
  return { id: row.id, name: row.name, kind: row.kind, createdAt: Number(row.created_at) };
}

export async function readTokens(db: Db, id: BoardId): Promise<StoredTokens | null> {
  const result = await db.query<TokenRow>(
    'SELECT role, hash, salt FROM board_tokens WHERE board_id = $1',
    [id],
  );
  const byRole = new Map(result.rows.map((row) => [row.role, row]));
  const tokens: Partial<StoredTokens> = {};
  for (const role of ROLES) {
    const row = byRole.get(role);
    // A board missing any link is treated as having none: nobody gets in until fixed.
    if (!row) return null;
    tokens[role] = { hash: toBytes(row.hash), salt: row.salt ? toBytes(row.salt) : null };
  }
  return tokens as StoredTokens;
}

export async function upsertToken(
  db: Db,
  id: BoardId,
  role: Role,
  token: StoredToken,
): Promise<void> {
  await db.query(
    `INSERT INTO board_tokens (board_id, role, hash, salt) VALUES ($1, $2, $3, $4)
       ON CONFLICT (board_id, role) DO UPDATE SET hash = excluded.hash, salt = excluded.salt`,
    [id, role, token.hash, token.salt],
  );
}

/** All three links; inside the caller's transaction. */
export async function writeTokens(
  client: pg.PoolClient,
  id: BoardId,
  tokens: StoredTokens,
): Promise<void> {
  for (const role of ROLES) await upsertToken(client, id, role, tokens[role]);
}

export async function boardsWithoutTokens(db: Db): Promise<BoardId[]> {
  const result = await db.query<{ id: BoardId }>(
    `SELECT id FROM boards b WHERE NOT EXISTS
       (SELECT 1 FROM board_tokens t WHERE t.board_id = b.id) ORDER BY id`,
  );
  return result.rows.map((row) => row.id);
}

/** Inserts a version and, for an automatic one, prunes the board's automatic ones. */
export async function insertVersion(
  client: pg.PoolClient,
  board: BoardId,
  version: StoredVersion,
  keepAuto: number,
): Promise<void> {
  await client.query(
    `INSERT INTO board_versions (id, board_id, name, kind, created_at, state)
       VALUES ($1, $2, $3, $4, $5, $6)`,
    [version.id, board, version.name, version.kind, version.createdAt, version.state],
  );
  if (version.kind === 'manual') return;
  await client.query(
    `DELETE FROM board_versions WHERE id IN (
       SELECT id FROM board_versions WHERE board_id = $1 AND kind <> 'manual'
        ORDER BY created_at DESC, position DESC OFFSET $2)`,
    [board, keepAuto],
  );
}

export async function listVersions(db: Db, board: BoardId): Promise<StoredVersionMeta[]> {
  const result = await db.query<VersionRow>(
    `SELECT id, name, kind, created_at FROM board_versions WHERE board_id = $1
      ORDER BY created_at DESC, position DESC`,
    [board],
  );
  return result.rows.map(versionMeta);
}

export async function readVersion(
  db: Db,
  board: BoardId,
  id: string,
): Promise<StoredVersion | null> {
  const result = await db.query<VersionRow & { state: Buffer }>(
    'SELECT id, name, kind, created_at, state FROM board_versions WHERE board_id = $1 AND id = $2',
    [board, id],
  );
  const row = result.rows[0];
  return row ? { ...versionMeta(row), state: toBytes(row.state) } : null;
}
