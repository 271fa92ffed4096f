import { describe, expect, it } from 'vitest';
import { requestPath } from './request-path';

describe('requestPath', () => {
  it('returns the path of an origin-form target', () => {
    expect(requestPath('/sync/abc?x=1')).toBe('/sync/abc');
    expect(requestPath('/api/boards/')).toBe('/api/boards/');
  });

  it('keeps a leading // as part of the path', () => {
    expect(requestPath('//evil.example/sync/abc')).toBe('//evil.example/sync/abc');
  });

  it('refuses anything else', () => {
    expect(requestPath(undefined)).toBeNull();
    expect(requestPath('*')).toBeNull();
    expect(requestPath('http://example.com/sync/abc')).toBeNull();
  });

  it('refuses a path whose percent-encoding does not decode', () => {
    expect(requestPath('/b/%zz')).toBeNull();
    expect(requestPath('/b/%C0%AE%C0%AE')).toBeNull(); // an overlong, invalid UTF-8 "."
    expect(requestPath('/b/%E2%82')).toBeNull(); // a sequence cut short
    expect(requestPath('/b/caf%C3%A9')).toBe('/b/caf%C3%A9');
  });
});
