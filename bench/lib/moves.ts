/**
 * Timed note moves: the move pattern and the delivery clock every relay section shares (the
 * latency section, the scale-out sections). Writers take turns and drag one note each (one
 * moveNotes, one update). A receiver's delay is the time from just before the writer's
 * moveNotes to the end of the transaction that shows the new position in that receiver's
 * doc. Every client runs in this process, so one clock times both ends.
 *
 * A move's clients may sit on different server processes (the cross-process sections): the
 * clock does not care which server relays, only when each doc shows the move.
 */
import { boardRoots } from '../../lib/doc';
import { NOTE_KEYS, type NoteId } from '../../lib/model';
import { dragNote, noteIds } from './board';
import { waitUntil, type BenchClient } from './clients';
import type { BenchServer } from './server-process';
import { summarize, type Summary } from './stats';

/**
 * 20 ms between move starts (open loop: the schedule does not wait for deliveries): a lively
 * board, yet spaced enough that a move is normally delivered before the next one starts, so
 * the figures measure the path of one move rather than a queue.
 */
export const MOVE_SPACING_MS = 20;
/** Moves made and delivered before measuring in each round, so code paths are compiled (JIT). */
export const WARMUP_MOVES = 20;
/** Notes are picked with this stride: coprime with 1,000, so no note moves twice in a round. */
const NOTE_STRIDE = 7;
/** After the last move, how long (ms) every receiver gets to see it before the case fails. */
const DELIVERY_TIMEOUT_MS = 15_000;

export interface MovesResult {
  delays: number[];
  /** Server CPU time (user + system) over the moves, warm-up included, summed over servers, in ms. */
  cpuMs: number;
  movesMade: number;
}

export interface MoveSchedule {
  /** Measured moves, after WARMUP_MOVES uncounted ones. */
  moves: number;
  /** Time between two move starts, across all boards (ms); default MOVE_SPACING_MS. */
  spacingMs?: number;
  /** The processes whose CPU time is summed (every server the clients are on). */
  servers: readonly BenchServer[];
}

interface InFlight {
  noteId: NoteId;
  x: number;
  y: number;
  sentAt: number;
  /** seen[i] is 1 once client i of its board shows the position (the writer counts as seen). */
  seen: Uint8Array;
  waiting: number;
  measured: boolean;
}

const sleepUntil = (time: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, time - performance.now())));

/** Watches every client's doc of one board and records, per in-flight move, when each shows it. */
function watchDeliveries(clients: readonly BenchClient[], delays: number[]) {
  const inFlight = new Set<InFlight>();
  const listeners = clients.map((client, index) => {
    const { notes } = boardRoots(client.doc);
    const listener = () => {
      for (const move of inFlight) {
        if (move.seen[index]) continue;
        const note = notes.get(move.noteId);
        if (!note || note.get(NOTE_KEYS.x) !== move.x || note.get(NOTE_KEYS.y) !== move.y) continue;
        const now = performance.now();
        move.seen[index] = 1;
        if (move.measured) delays.push(now - move.sentAt);
        if (--move.waiting === 0) inFlight.delete(move);
      }
    };
    client.doc.on('afterTransaction', listener);
    return () => client.doc.off('afterTransaction', listener);
  });
  return { inFlight, stop: () => listeners.forEach((off) => off()) };
}

const totalCpuMicros = async (servers: readonly BenchServer[]) =>
  (await Promise.all(servers.map((server) => server.cpu()))).reduce(
    (sum, reading) => sum + reading.cpuMicros,
    0,
  );

/**
 * Makes the moves on `boards` (each the clients of one board) and times each delivery. Move k
 * goes to board k mod B; on its board it is that board's j-th move (j = floor(k / B)), made by
 * client j mod N on note ids[(j * 7) mod notes]. With one board this is the latency section's
 * pattern: writer k mod N.
 */
export async function timeMoves(
  boards: readonly (readonly BenchClient[])[],
  { moves, spacingMs = MOVE_SPACING_MS, servers }: MoveSchedule,
): Promise<MovesResult> {
  const delays: number[] = [];
  const watched = boards.map((clients) => ({
    clients,
    ids: noteIds(clients[0]!.doc).sort(),
    ...watchDeliveries(clients, delays),
  }));
  const inFlight = () => watched.reduce((sum, board) => sum + board.inFlight.size, 0);
  const total = WARMUP_MOVES + moves;
  try {
    const cpuBefore = await totalCpuMicros(servers);
    const start = performance.now();
    for (let k = 0; k < total; k++) {
      await sleepUntil(start + k * spacingMs);
      const board = watched[k % watched.length]!;
      const j = Math.floor(k / watched.length);
      const writer = j % board.clients.length;
      const noteId = board.ids[(j * NOTE_STRIDE) % board.ids.length]!;
      const seen = new Uint8Array(board.clients.length);
      seen[writer] = 1;
      const sentAt = performance.now();
      const landed = dragNote(board.clients[writer]!.doc, noteId);
      board.inFlight.add({
        noteId,
        ...landed,
        sentAt,
        seen,
        waiting: board.clients.length - 1,
        measured: k >= WARMUP_MOVES,
      });
    }
    const receivers = boards.reduce((sum, clients) => sum + clients.length, 0);
    await waitUntil(
      () => inFlight() === 0,
      `every move delivered to all ${receivers} clients (${inFlight()} still in flight)`,
      DELIVERY_TIMEOUT_MS,
    );
    const cpuAfter = await totalCpuMicros(servers);
    return { delays, cpuMs: (cpuAfter - cpuBefore) / 1000, movesMade: total };
  } finally {
    for (const board of watched) board.stop();
  }
}

/**
 * One move by `clients[0]`, which every other client must show within `timeoutMs`, or the
 * error says `never`. Before a timed run whose clients sit on different processes: a relay
 * that does not cross processes fails here in seconds, with that message, not after a timed
 * run's whole delivery timeout.
 */
export async function expectMoveRelayed(
  clients: readonly BenchClient[],
  timeoutMs: number,
  never: string,
): Promise<void> {
  const [writer, ...receivers] = clients;
  const noteId = noteIds(writer!.doc).sort()[0]!;
  const landed = dragNote(writer!.doc, noteId);
  const shows = (client: BenchClient) => {
    const note = boardRoots(client.doc).notes.get(noteId);
    return note?.get(NOTE_KEYS.x) === landed.x && note.get(NOTE_KEYS.y) === landed.y;
  };
  try {
    await waitUntil(() => receivers.every(shows), 'the probe move relayed', timeoutMs);
  } catch {
    throw new Error(`${never} (no relay within ${timeoutMs} ms)`);
  }
}

/**
 * The servers in the order their rounds run: with two rounds each the order runs forward,
 * then backward (A B C C B A), so a load that drifts during the run (another process on this
 * 2-core machine) weighs on every server alike: each server's two rounds sit, on average, at
 * the middle. `shift` rotates the first one, so none always starts right after a setup.
 */
export function roundOrder<T>(kinds: readonly T[], rounds: 1 | 2, shift: number): T[] {
  const at = shift % kinds.length;
  const forward = [...kinds.slice(at), ...kinds.slice(0, at)];
  return rounds === 1 ? forward : [...forward, ...[...forward].reverse()];
}

/** Rounds of one server pooled: every delay sample, and server CPU per move made. */
export function poolRounds(results: readonly MovesResult[]): {
  delaysMs: Summary;
  serverCpuMsPerMove: number;
} {
  const cpuMs = results.reduce((sum, round) => sum + round.cpuMs, 0);
  const movesMade = results.reduce((sum, round) => sum + round.movesMade, 0);
  return {
    delaysMs: summarize(results.flatMap((round) => round.delays)),
    serverCpuMsPerMove: cpuMs / movesMade,
  };
}
