import { boardPath, type BoardId, type Role, type SharedRole } from '../../lib/model';
import { childLogger, type Logger } from '../log';
import type { Store } from '../store/store';
import {
  issueSharedToken,
  issueTokens,
  recoverTokens,
  roleForToken,
  type PlainTokens,
  type StoredTokens,
} from './tokens';

/** The three share links of a board, each a full URL. */
export type BoardLinks = Record<Role, string>;

/** Full URLs for a board's tokens, on the app's origin as the client reached it. */
export function linksFor(origin: string, id: BoardId, tokens: PlainTokens): BoardLinks {
  return {
    facilitator: `${origin}${boardPath(id, tokens.facilitator)}`,
    editor: `${origin}${boardPath(id, tokens.editor)}`,
    viewer: `${origin}${boardPath(id, tokens.viewer)}`,
  };
}

export type Access = { ok: true; role: Role } | { ok: false; reason: 'no-board' | 'no-access' };

/**
 * Who may do what on which board: the one place that turns a presented token into a role,
 * for the sync upgrade, the API and the Next pages alike.
 */
export class BoardAccess {
  constructor(
    private readonly store: Pick<
      Store,
      'loadTokens' | 'boardExists' | 'replaceToken' | 'boardsWithoutTokens' | 'setTokens'
    >,
  ) {}

  /** The role `token` grants on board `id`. Rejects when the store fails. */
  async check(id: BoardId, token: string | null): Promise<Access> {
    const stored = await this.store.loadTokens(id);
    if (!stored) {
      // A board with no links (not yet bootstrapped, or broken) is closed to everyone.
      return { ok: false, reason: (await this.store.boardExists(id)) ? 'no-access' : 'no-board' };
    }
    const role = roleForToken(stored, token);
    return role ? { ok: true, role } : { ok: false, reason: 'no-access' };
  }

  /** Fresh links for a board being created; the caller stores `stored` with it. */
  issue(): { tokens: PlainTokens; stored: StoredTokens } {
    return issueTokens();
  }

  /** The current three tokens, given the facilitator's; null for any other token. */
  async recover(id: BoardId, facilitatorToken: string): Promise<PlainTokens | null> {
    const stored = await this.store.loadTokens(id);
    return stored ? recoverTokens(stored, facilitatorToken) : null;
  }

  /** A new token for `role`, replacing the old one, or null if the caller is not facilitator. */
  async regenerate(
    id: BoardId,
    facilitatorToken: string,
    role: SharedRole,
  ): Promise<{ tokens: PlainTokens; replaced: string } | null> {
    const current = await this.recover(id, facilitatorToken);
    if (!current) return null;
    const next = issueSharedToken(facilitatorToken, role);
    await this.store.replaceToken(id, role, next.stored);
    // The old token, so that exactly its holders are cut off (on every process).
    return { tokens: { ...current, [role]: next.token }, replaced: current[role] };
  }

  /**
   * Boards created before links existed have none, and nobody can open them. Rather than
   * leave them open to anyone who knows the id (the old rule), each gets three links here, on
   * the first start after the upgrade, printed once to the log so the operator can hand the
   * facilitator link to the board's owner. The digests are stored, the tokens are not: this
   * log line is the only place they ever appear.
   */
  async bootstrap(logger: Logger): Promise<void> {
    for (const id of await this.store.boardsWithoutTokens()) {
      const { tokens, stored } = issueTokens();
      await this.store.setTokens(id, stored);
      childLogger(logger, { board: id }).info(
        `board ${id} had no share links; created them (shown once): ` +
          `facilitator ${boardPath(id, tokens.facilitator)} ` +
          `editor ${boardPath(id, tokens.editor)} viewer ${boardPath(id, tokens.viewer)}`,
      );
    }
  }
}
