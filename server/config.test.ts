import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  readConfig,
} from './config';
import { DEFAULT_QUOTAS } from './http/quotas';

describe('readConfig', () => {
  it('has defaults for everything', () => {
    expect(readConfig({}, '/srv/lienzo')).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/srv/lienzo/data',
      databaseUrl: null,
      redisUrl: null,
      sqliteMaxPages: null,
      allowedOrigins: [],
      maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
      snapshotMinutes: 10,
      awarenessPerMinute: 4_800,
      messagesPerMinute: 12_000,
      headersTimeoutMs: DEFAULT_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
      trustProxy: false,
      quotas: DEFAULT_QUOTAS,
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = readConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        LIENZO_DATA_DIR: '/var/lib/lienzo',
        LIENZO_DATABASE_URL: 'postgres://lienzo@db.example/lienzo',
        LIENZO_TEST_SQLITE_MAX_PAGES: '64',
        LIENZO_ALLOWED_ORIGINS: 'https://a.example, https://B.example:8443/ ,',
        LIENZO_MAX_MESSAGE_BYTES: '1048576',
        LIENZO_SNAPSHOT_MINUTES: '5',
        LIENZO_AWARENESS_PER_MINUTE: '600',
        LIENZO_MESSAGES_PER_MINUTE: '6000',
        LIENZO_HEADERS_TIMEOUT_MS: '5000',
        LIENZO_REQUEST_TIMEOUT_MS: '60000',
        LIENZO_TRUST_PROXY: '1',
        LIENZO_BOARDS_PER_HOUR: '10',
        LIENZO_IMPORTS_PER_HOUR: '5',
        LIENZO_SOCKETS_PER_MINUTE: '100',
        LIENZO_LOG_LEVEL: 'WARN',
        LIENZO_METRICS_TOKEN: 'a-long-operator-secret',
      },
      '/srv',
    );
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/lienzo',
      databaseUrl: 'postgres://lienzo@db.example/lienzo',
      redisUrl: null,
      sqliteMaxPages: 64,
      allowedOrigins: ['https://a.example', 'https://b.example:8443'],
      maxMessageBytes: 1_048_576,
      snapshotMinutes: 5,
      awarenessPerMinute: 600,
      messagesPerMinute: 6_000,
      headersTimeoutMs: 5_000,
      requestTimeoutMs: 60_000,
      trustProxy: true,
      quotas: { boardsPerHour: 10, importsPerHour: 5, socketsPerMinute: 100 },
      logLevel: 'warn',
      metricsToken: 'a-long-operator-secret',
    });
  });

  it('reports every bad variable at once, by name', () => {
    let error: unknown;
    try {
      readConfig({
        PORT: '80a',
        LIENZO_MAX_MESSAGE_BYTES: '0',
        LIENZO_ALLOWED_ORIGINS: 'https://ok.example,https://x.example/path',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT must be an integer from 0 to 65535, got "80a"/);
    expect(message).toMatch(/LIENZO_MAX_MESSAGE_BYTES/);
    expect(message).toMatch(/LIENZO_ALLOWED_ORIGINS: "https:\/\/x.example\/path"/);
  });

  it('refuses headers allowed longer than the whole request', () => {
    expect(() =>
      readConfig({ LIENZO_HEADERS_TIMEOUT_MS: '9000', LIENZO_REQUEST_TIMEOUT_MS: '8000' }),
    ).toThrow(/LIENZO_HEADERS_TIMEOUT_MS must not exceed/);
    expect(() => readConfig({ LIENZO_BOARDS_PER_HOUR: '0' })).toThrow(/LIENZO_BOARDS_PER_HOUR/);
  });

  it('refuses an unknown log level and a guessable metrics token', () => {
    expect(() => readConfig({ LIENZO_LOG_LEVEL: 'verbose' })).toThrow(
      /LIENZO_LOG_LEVEL must be one of .*got "verbose"/,
    );
    expect(() => readConfig({ LIENZO_METRICS_TOKEN: 'short' })).toThrow(
      /LIENZO_METRICS_TOKEN must be at least 16 characters/,
    );
  });

  it('refuses a port out of range', () => {
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
