import type { IncomingMessage } from 'node:http';
import { KeyedRateLimiter, type RateVerdict } from '../limits/rate-limiter';

/**
 * Per client address quotas on what is costly to ask for: creating a board, importing one
 * (up to 16 MiB to parse and store) and opening a sync socket. One rule for all three: a
 * token bucket per address (server/limits) that holds a full period's allowance at once.
 *
 * The defaults are sized so that a workshop of 200 people behind one address (a company
 * NAT) never meets them: 200 people opening a board within a minute, each with its private
 * writing socket and a few reconnections, open well under 200 × 2 × 3 = 1,200 sockets; even
 * if every one of them created and imported a board, twice, that is 400 of each an hour.
 */
export interface QuotaLimits {
  /** Boards created (POST /api/boards) per address per hour. */
  readonly boardsPerHour: number;
  /** Boards imported (POST /api/boards/import) per address per hour, refused files included. */
  readonly importsPerHour: number;
  /** Sync socket upgrades per address per minute, refused ones included. */
  readonly socketsPerMinute: number;
}

export const DEFAULT_QUOTAS: QuotaLimits = {
  boardsPerHour: 600,
  importsPerHour: 600,
  socketsPerMinute: 2_400,
};

export type QuotaKind = 'boards' | 'imports' | 'sockets';

const MINUTES_PER_HOUR = 60;
const MS_PER_SECOND = 1_000;

/** What a refusal tells the client, by quota. */
const REFUSALS: Readonly<Record<QuotaKind, string>> = {
  boards: 'too many boards created from this address',
  imports: 'too many boards imported from this address',
  sockets: 'too many sync connections opened from this address',
};

/**
 * The address a request came from: the socket's peer; behind a trusted reverse proxy, the
 * last X-Forwarded-For entry, which that proxy appended (anything before it the client
 * wrote itself, so it proves nothing). Without a trusted proxy the header is ignored: any
 * client could send one to get a fresh quota per request.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const list = Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '');
    const last = list.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** A refusal, ready to send: its message and its Retry-After (whole seconds, at least 1). */
export interface QuotaRefusal {
  readonly error: string;
  readonly retryAfterSeconds: number;
}

export class ClientQuotas {
  private readonly limiters: Readonly<Record<QuotaKind, KeyedRateLimiter>>;

  constructor(
    limits: QuotaLimits,
    private readonly trustProxy: boolean,
  ) {
    const hourly = (perHour: number) =>
      new KeyedRateLimiter({ perMinute: perHour / MINUTES_PER_HOUR, burst: perHour });
    this.limiters = {
      boards: hourly(limits.boardsPerHour),
      imports: hourly(limits.importsPerHour),
      sockets: new KeyedRateLimiter({
        perMinute: limits.socketsPerMinute,
        burst: limits.socketsPerMinute,
      }),
    };
  }

  /** Counts one `kind` for the request's address: null when allowed, else the refusal. */
  take(kind: QuotaKind, req: IncomingMessage): QuotaRefusal | null {
    const verdict: RateVerdict = this.limiters[kind].take(clientAddress(req, this.trustProxy));
    if (verdict.ok) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil(verdict.retryAfterMs / MS_PER_SECOND));
    return { error: `${REFUSALS[kind]}; try again in ${retryAfterSeconds} s`, retryAfterSeconds };
  }
}
