/**
 * The path of a request target (still percent-encoded), or null when it is not a plain
 * "/path?query" (the only form a client sends to an origin server) or its percent-encoding
 * does not decode to UTF-8 ("/b/%zz", the overlong "%C0%AE"): every reader down the line
 * (Next's route parameters among them) decodes it, and would fail. The target is appended to
 * a fixed origin rather than resolved against it, so "//other/sync" stays the path
 * "//other/sync" instead of becoming a host.
 */
export function requestPath(target: string | undefined): string | null {
  if (!target?.startsWith('/')) return null;
  try {
    const { pathname } = new URL(`http://request.invalid${target}`);
    decodeURIComponent(pathname); // throws on broken encoding
    return pathname;
  } catch {
    return null;
  }
}
