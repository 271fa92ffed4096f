import { describe, expect, it } from 'vitest';
import { isOriginAllowed, parseAllowedOrigins } from './origin';

describe('isOriginAllowed', () => {
  const allowed = ['https://partner.example'];

  it('allows a request without Origin (not a browser)', () => {
    expect(isOriginAllowed(undefined, 'lienzo.example', allowed)).toBe(true);
  });

  it('allows the app’s own origin over http and https', () => {
    expect(isOriginAllowed('http://lienzo.example:3000', 'lienzo.example:3000', [])).toBe(true);
    expect(isOriginAllowed('https://lienzo.example', 'lienzo.example', [])).toBe(true);
    expect(isOriginAllowed('HTTPS://Lienzo.Example', 'lienzo.example', [])).toBe(true);
    // A default port is the same origin as no port.
    expect(isOriginAllowed('http://lienzo.example', 'lienzo.example:80', [])).toBe(true);
  });

  it('allows listed origins and nothing else', () => {
    expect(isOriginAllowed('https://partner.example', 'lienzo.example', allowed)).toBe(true);
    expect(isOriginAllowed('http://partner.example', 'lienzo.example', allowed)).toBe(false);
    expect(isOriginAllowed('https://evil.example', 'lienzo.example', allowed)).toBe(false);
    expect(isOriginAllowed('https://lienzo.example.evil', 'lienzo.example', allowed)).toBe(false);
    expect(isOriginAllowed('http://lienzo.example:3001', 'lienzo.example:3000', [])).toBe(false);
  });

  it('refuses "null" and non-http origins', () => {
    expect(isOriginAllowed('null', 'lienzo.example', allowed)).toBe(false);
    expect(isOriginAllowed('file://', 'lienzo.example', allowed)).toBe(false);
    expect(isOriginAllowed('chrome-extension://abc', 'lienzo.example', allowed)).toBe(false);
  });
});

describe('parseAllowedOrigins', () => {
  it('normalises bare origins', () => {
    expect(parseAllowedOrigins(['https://A.example/', 'http://b.example:8080'])).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
  });

  it('refuses what is not a bare http(s) origin', () => {
    for (const entry of ['a.example', 'https://a.example/app', 'ftp://a.example', '*'])
      expect(() => parseAllowedOrigins([entry]), entry).toThrow(/is not an origin/);
  });
});
