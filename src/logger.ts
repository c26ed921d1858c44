import { pino, type Logger } from 'pino';

/**
 * Logs carry ids, codes and timings only: never message text, names or other personal data.
 * The redaction list is a second line of defence for fields that should never be logged at all.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'stemmen' },
    redact: {
      paths: ['text', '*.text', 'body', '*.body', 'displayName', '*.displayName', 'quote', '*.quote', 'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
