import { describe, expect, it } from 'vitest';
import { isSafeLinkHref, normalizeLinkInput } from './links';

describe('links', () => {
  it('allows only http, https and mailto', () => {
    expect(isSafeLinkHref('https://example.com/a?b')).toBe(true);
    expect(isSafeLinkHref('http://example.com')).toBe(true);
    expect(isSafeLinkHref('mailto:ana@example.com')).toBe(true);
    expect(isSafeLinkHref('javascript:alert(1)')).toBe(false);
    expect(isSafeLinkHref(' JavaScript:alert(1)')).toBe(false);
    expect(isSafeLinkHref('data:text/html,<b>x</b>')).toBe(false);
    expect(isSafeLinkHref('file:///etc/passwd')).toBe(false);
    expect(isSafeLinkHref('not a url')).toBe(false);
  });

  it('normalizes typed input, adding https to bare domains', () => {
    expect(normalizeLinkInput('example.com')).toBe('https://example.com');
    expect(normalizeLinkInput('  mailto:a@b.c ')).toBe('mailto:a@b.c');
    expect(normalizeLinkInput('javascript:alert(1)')).toBeNull();
    expect(normalizeLinkInput('   ')).toBeNull();
  });
});
