import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics (prom-client), one registry per app so that two apps in one process (tests) do not
 * share counters. Labels are routes, channels, job and engine names: never ids or member data.
 */
export interface Metrics {
  registry: Registry;
  /** HTTP request duration by method, route template and status. */
  http: Histogram<'method' | 'route' | 'status'>;
  /** How long a platform waited for its acknowledgement (the channel's inbound HTTP answer). */
  ack: Histogram<'channel'>;
  /** Scheduled job runs and failures, by job. */
  jobRuns: Counter<'job'>;
  jobFailures: Counter<'job'>;
  /** Summary drafting time, by engine (offline, openai, azure) and outcome. */
  synthesis: Histogram<'engine' | 'outcome'>;
}

export interface OutboxStats {
  depth: number;
  oldestAgeSeconds: number;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(outboxStats: () => Promise<OutboxStats>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'stemmen_' });
  const http = new Histogram({ name: 'stemmen_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'] as const, buckets: SECONDS, registers: [registry] });
  const ack = new Histogram({ name: 'stemmen_channel_ack_seconds', help: 'Time until a chat platform got its acknowledgement', labelNames: ['channel'] as const, buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10], registers: [registry] });
  const jobRuns = new Counter({ name: 'stemmen_job_runs_total', help: 'Scheduled job runs', labelNames: ['job'] as const, registers: [registry] });
  const jobFailures = new Counter({ name: 'stemmen_job_failures_total', help: 'Scheduled job runs that failed', labelNames: ['job'] as const, registers: [registry] });
  const synthesis = new Histogram({ name: 'stemmen_synthesis_duration_seconds', help: 'Summary drafting time', labelNames: ['engine', 'outcome'] as const, buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120], registers: [registry] });
  // Read from the database at scrape time, so every instance reports the shared outbox the same way.
  let last: Promise<OutboxStats> | null = null;
  const read = () => (last ??= outboxStats().finally(() => (last = null)));
  new Gauge({
    name: 'stemmen_outbox_depth',
    help: 'Notifications waiting for delivery',
    registers: [registry],
    async collect() {
      this.set((await read()).depth);
    },
  });
  new Gauge({
    name: 'stemmen_outbox_oldest_age_seconds',
    help: 'Age of the oldest notification waiting for delivery (0 when none)',
    registers: [registry],
    async collect() {
      this.set((await read()).oldestAgeSeconds);
    },
  });
  return { registry, http, ack, jobRuns, jobFailures, synthesis };
}

/**
 * GET handler for the metrics path. With a token, only `Authorization: Bearer <token>` is answered;
 * the path is not mounted at all unless metrics are configured (see src/config.ts).
 */
export function metricsHandler(metrics: Metrics, token: string | null) {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (expected) {
      const given = Buffer.from(req.get('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').end();
        return;
      }
    }
    try {
      res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store').send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  };
}
