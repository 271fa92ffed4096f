/**
 * Links in note text may only point to web pages or e-mail addresses. Anything else
 * (javascript:, data:, file:, ...) could run code or read local files when clicked, and a
 * peer can write any href into a shared document, so every reader checks again.
 */
export const ALLOWED_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

export function isSafeLinkHref(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return false;
  }
  return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol);
}

/** What a person typed into a link prompt, as a safe href: "example.com" gets https://. */
export function normalizeLinkInput(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return isSafeLinkHref(candidate) ? candidate : null;
}
