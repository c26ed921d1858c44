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
  STEMMEN_QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must look like 21:00-08:00')
    .default('21:00-08:00'),
  STEMMEN_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(730),
  STEMMEN_CONSENT_DEADLINE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  STEMMEN_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  // Operations (issue 11)
  STEMMEN_ACCESS_LOG: flag.optional(),
  STEMMEN_METRICS_PATH: z.string().regex(/^\/[a-z0-9/_-]*$/, 'must be a path like /metrics').default('/metrics'),
  STEMMEN_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  STEMMEN_METRICS_OPEN: flag.optional(),
  STEMMEN_SHUTDOWN_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  STEMMEN_DB_CONCURRENCY: z.coerce.number().int().min(1).max(1000).optional(),
  // Slack (issue: Slack channel)
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp-').optional(),
  SLACK_API_URL: z.url().optional(),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(16).optional(),
  // Microsoft Teams (issue: Teams channel)
  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MICROSOFT_APP_CERT_THUMBPRINT: z.string().min(1).optional(),
  MICROSOFT_APP_CERT_KEY_FILE: z.string().min(1).optional(),
  // Entra authority (sovereign clouds, e.g. https://login.microsoftonline.us); also where token signing keys are looked up.
  MICROSOFT_APP_AUTHORITY: z.url().optional(),
  TEAMS_LOCAL: flag.optional(),
  // Language model (issue: synthesis)
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  AZURE_OPENAI_ENDPOINT: z.url().optional(),
  AZURE_OPENAI_API_KEY: z.string().min(1).optional(),
  AZURE_OPENAI_DEPLOYMENT: z.string().min(1).optional(),
  AZURE_OPENAI_API_VERSION: z.string().min(1).default('2024-10-21'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  LLM_TOKEN_BUDGET: z.coerce.number().int().min(1000).max(2_000_000).default(12_000),
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
  quietHours: { start: string; end: string };
  retentionDays: number;
  consentDeadlineDays: number;
  /** Key for secrets at rest (e.g. Slack tokens); derived from the secret when not set. */
  encryptionKey: string;
  ops: OpsConfig;
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
  llm: LlmConfig | null;
}

export interface OpsConfig {
  /** One log line per answered request (method, route, status, duration; no personal data). */
  accessLog: boolean;
  /** Prometheus metrics: null = not served; token null = served without one (explicitly asked for). */
  metrics: { path: string; token: string | null } | null;
  /** SIGTERM: how long requests in flight and running jobs get before connections are cut. */
  shutdownMs: number;
  /** PostgreSQL: at most this many database units of work at once in this process (the rest queue). */
  dbConcurrency: number | null;
}

export interface SlackConfig {
  botToken: string | null;
  signingSecret: string | null;
  appToken: string | null;
  apiUrl: string | null;
  oauth: { clientId: string; clientSecret: string; stateSecret: string } | null;
}

export interface TeamsConfig {
  appId: string | null;
  appPassword: string | null;
  tenantId: string | null;
  /** SingleTenant unless asked for: Azure no longer creates multi-tenant bots. */
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  certThumbprint: string | null;
  certKeyFile: string | null;
  /** Entra authority endpoint; null means the public cloud (https://login.microsoftonline.com). */
  authority: string | null;
  /** TEAMS_LOCAL=1 without credentials: local testing only, refused in production. */
  local: boolean;
}

export type LlmConfig =
  | { provider: 'openai'; apiKey: string; baseUrl: string | null; model: string; timeoutMs: number; maxRetries: number; tokenBudget: number }
  | {
      provider: 'azure';
      endpoint: string;
      apiKey: string;
      deployment: string;
      apiVersion: string;
      model: string;
      timeoutMs: number;
      maxRetries: number;
      tokenBudget: number;
    };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = withSecretFiles(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const local = e.NODE_ENV !== 'production';
  const problems: string[] = [];
  if (!local && !e.STEMMEN_SECRET) problems.push('STEMMEN_SECRET: required when NODE_ENV=production');
  if (e.STEMMEN_METRICS_TOKEN && e.STEMMEN_METRICS_OPEN) problems.push('STEMMEN_METRICS_OPEN: not with STEMMEN_METRICS_TOKEN (choose a token or an open path)');
  const slack = slackConfig(e, problems);
  const teams = teamsConfig(e, problems);
  const llm = llmConfig(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const secret = e.STEMMEN_SECRET ?? localSecret(e.DATABASE_URL);
  const [start, end] = e.STEMMEN_QUIET_HOURS.split('-') as [string, string];
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    demo: e.STEMMEN_DEMO ?? local,
    secret,
    webChannel: e.STEMMEN_WEB_CHANNEL ?? local,
    publicUrl: e.STEMMEN_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    timeZone: e.STEMMEN_TIMEZONE,
    quietHours: { start, end },
    retentionDays: e.STEMMEN_RETENTION_DAYS,
    consentDeadlineDays: e.STEMMEN_CONSENT_DEADLINE_DAYS,
    encryptionKey: e.STEMMEN_ENCRYPTION_KEY ?? secret,
    ops: {
      accessLog: e.STEMMEN_ACCESS_LOG ?? true,
      metrics: e.STEMMEN_METRICS_TOKEN || e.STEMMEN_METRICS_OPEN ? { path: e.STEMMEN_METRICS_PATH, token: e.STEMMEN_METRICS_TOKEN ?? null } : null,
      shutdownMs: e.STEMMEN_SHUTDOWN_SECONDS * 1000,
      dbConcurrency: e.STEMMEN_DB_CONCURRENCY ?? null,
    },
    slack,
    teams,
    llm,
  };
}

type Env = z.infer<typeof envSchema>;

function slackConfig(e: Env, problems: string[]): SlackConfig | null {
  const oauth = e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET;
  if (!e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN && !oauth) return null;
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) problems.push('SLACK_SIGNING_SECRET: required for Slack in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  if (!e.SLACK_BOT_TOKEN && !oauth) problems.push('SLACK_BOT_TOKEN: required for Slack (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth installs)');
  if (oauth && !(e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET)) {
    problems.push('SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: all three are needed for OAuth installs');
  }
  return {
    botToken: e.SLACK_BOT_TOKEN ?? null,
    signingSecret: e.SLACK_SIGNING_SECRET ?? null,
    appToken: e.SLACK_APP_TOKEN ?? null,
    apiUrl: e.SLACK_API_URL ?? null,
    oauth:
      e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
        ? { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET }
        : null,
  };
}

function teamsConfig(e: Env, problems: string[]): TeamsConfig | null {
  if (!e.MICROSOFT_APP_ID && !e.TEAMS_LOCAL) return null;
  if (!e.MICROSOFT_APP_ID && e.NODE_ENV === 'production') {
    problems.push('TEAMS_LOCAL: Teams without MICROSOFT_APP_ID would accept unauthenticated requests; not allowed with NODE_ENV=production');
  }
  if (e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_PASSWORD && !e.MICROSOFT_APP_CERT_THUMBPRINT && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
    problems.push('MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID (or a certificate, or MICROSOFT_APP_TYPE=UserAssignedMSI)');
  }
  const appType = e.MICROSOFT_APP_TYPE ?? 'SingleTenant';
  if (e.MICROSOFT_APP_ID && appType === 'SingleTenant' && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push('MICROSOFT_APP_TENANT_ID: required for a SingleTenant bot, the default (or set MICROSOFT_APP_TYPE=MultiTenant for an older multi-tenant registration)');
  }
  return {
    appId: e.MICROSOFT_APP_ID ?? null,
    appPassword: e.MICROSOFT_APP_PASSWORD ?? null,
    tenantId: e.MICROSOFT_APP_TENANT_ID ?? null,
    appType,
    certThumbprint: e.MICROSOFT_APP_CERT_THUMBPRINT ?? null,
    certKeyFile: e.MICROSOFT_APP_CERT_KEY_FILE ?? null,
    authority: e.MICROSOFT_APP_AUTHORITY ?? null,
    local: !e.MICROSOFT_APP_ID && !!e.TEAMS_LOCAL,
  };
}

function llmConfig(e: Env, problems: string[]): LlmConfig | null {
  const common = { model: e.OPENAI_MODEL, timeoutMs: e.LLM_TIMEOUT_MS, maxRetries: e.LLM_MAX_RETRIES, tokenBudget: e.LLM_TOKEN_BUDGET };
  if (e.AZURE_OPENAI_ENDPOINT || e.AZURE_OPENAI_API_KEY || e.AZURE_OPENAI_DEPLOYMENT) {
    if (!(e.AZURE_OPENAI_ENDPOINT && e.AZURE_OPENAI_API_KEY && e.AZURE_OPENAI_DEPLOYMENT)) {
      problems.push('AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY, AZURE_OPENAI_DEPLOYMENT: all three are needed for Azure OpenAI');
      return null;
    }
    return {
      provider: 'azure',
      endpoint: e.AZURE_OPENAI_ENDPOINT,
      apiKey: e.AZURE_OPENAI_API_KEY,
      deployment: e.AZURE_OPENAI_DEPLOYMENT,
      apiVersion: e.AZURE_OPENAI_API_VERSION,
      ...common,
      model: e.AZURE_OPENAI_DEPLOYMENT,
    };
  }
  if (!e.OPENAI_API_KEY) return null;
  return { provider: 'openai', apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL ?? null, ...common };
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

/**
 * Secrets can come from files (Docker and Kubernetes secrets, systemd credentials): X_FILE names a file whose
 * content (without a trailing newline) is X. Setting both is refused, as is a file that cannot be read.
 */
export const SECRET_FILE_VARIABLES = [
  'DATABASE_URL',
  'STEMMEN_SECRET',
  'STEMMEN_ENCRYPTION_KEY',
  'STEMMEN_METRICS_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'MICROSOFT_APP_PASSWORD',
  'OPENAI_API_KEY',
  'AZURE_OPENAI_API_KEY',
] as const;

function withSecretFiles(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out = { ...env };
  const problems: string[] = [];
  for (const name of SECRET_FILE_VARIABLES) {
    const file = env[`${name}_FILE`];
    delete out[`${name}_FILE`];
    if (!file) continue;
    if (env[name]) {
      problems.push(`${name}_FILE: set ${name} or ${name}_FILE, not both`);
      continue;
    }
    try {
      out[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      problems.push(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out;
}

const databaseSchema = z.object({
  DATABASE_URL: envSchema.shape.DATABASE_URL,
  DATABASE_URL_POSTGRES: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgresql://')
    .optional(),
});

/**
 * Only what the database commands (`db:migrate`, `db:diff`) need, so they run without the app's other
 * settings. DATABASE_URL_POSTGRES: a server for `db:diff` to build a throwaway shadow database on.
 */
export function loadDatabaseConfig(env: Record<string, string | undefined> = process.env): {
  databaseUrl: string;
  postgresShadowUrl: string | null;
} {
  const cleaned = withSecretFiles(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  const parsed = databaseSchema.safeParse(cleaned);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return { databaseUrl: parsed.data.DATABASE_URL, postgresShadowUrl: parsed.data.DATABASE_URL_POSTGRES ?? null };
}

/** Loads `.env` if present (Node's own loader), without overriding the real environment. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
