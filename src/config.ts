import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** The only module that reads the environment. Everything else receives a `Config`. */
const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no', ''])
  .transform((v) => (v === '' ? undefined : ['1', 'true', 'on', 'yes'].includes(v)));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default('file:./data/stemmen.db')
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), 'must start with file: or postgresql://'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STEMMEN_DEMO: flag.optional(),
  STEMMEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  STEMMEN_WEB_CHANNEL: flag.optional(),
  STEMMEN_PUBLIC_URL: z.url().optional(),
  STEMMEN_TIMEZONE: z.string().default('Europe/Brussels').refine(validTimeZone, 'unknown time zone'),
});

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: string;
  /** Seed a demo panel on an empty database. */
  demo: boolean;
  /** Secret that keys anonymous links; lives outside the database. */
  secret: string;
  webChannel: boolean;
  publicUrl: string;
  timeZone: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const local = e.NODE_ENV !== 'production';
  const problems: string[] = [];
  if (!local && !e.STEMMEN_SECRET) problems.push('STEMMEN_SECRET: required when NODE_ENV=production');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    demo: e.STEMMEN_DEMO ?? local,
    secret: e.STEMMEN_SECRET ?? localSecret(e.DATABASE_URL),
    webChannel: e.STEMMEN_WEB_CHANNEL ?? local,
    publicUrl: e.STEMMEN_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    timeZone: e.STEMMEN_TIMEZONE,
  };
}

/**
 * Local mode without STEMMEN_SECRET: a random secret in a file beside the SQLite database, never in it.
 * For PostgreSQL without a secret, a file under ./data.
 */
function localSecret(databaseUrl: string): string {
  const base = databaseUrl.startsWith('file:') ? dirname(resolve(databaseUrl.slice('file:'.length))) : resolve('data');
  const path = resolve(base, '.stemmen-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(base, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

/** Loads `.env` if present (Node's own loader), without overriding the real environment. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
