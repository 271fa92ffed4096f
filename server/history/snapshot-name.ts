/**
 * A version's name as someone typed it: whitespace collapsed, trimmed, 1 to
 * MAX_SNAPSHOT_NAME_LENGTH characters. Refused rather than cut, so the name saved is the name
 * shown to the person who typed it.
 */
export const MAX_SNAPSHOT_NAME_LENGTH = 120;

export function cleanSnapshotName(
  raw: unknown,
): { ok: true; name: string } | { ok: false; error: string } {
  if (typeof raw !== 'string') return { ok: false, error: 'name must be a string' };
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name === '') return { ok: false, error: 'name must not be empty' };
  if (name.length > MAX_SNAPSHOT_NAME_LENGTH)
    return { ok: false, error: `name must be at most ${MAX_SNAPSHOT_NAME_LENGTH} characters` };
  return { ok: true, name };
}
