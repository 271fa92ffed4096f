/**
 * The decoded path of a request target, or null when it is not a plain "/path?query"
 * (the only form a client sends to an origin server). The target is appended to a fixed
 * origin rather than resolved against it, so "//other/sync" stays the path "//other/sync"
 * instead of becoming a host.
 */
export function requestPath(target: string | undefined): string | null {
  if (!target?.startsWith('/')) return null;
  try {
    return new URL(`http://request.invalid${target}`).pathname;
  } catch {
    return null;
  }
}
