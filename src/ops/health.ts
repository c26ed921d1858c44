import express, { type Router } from 'express';
import type { Synthesizer } from '../core/synthesis.js';
import type { Readiness } from '../store/readiness.js';
import { metricsHandler, type Metrics } from './metrics.js';

/**
 * `/healthz`: the process lives and answers (liveness; restart it when this fails).
 * `/readyz`: this instance should get traffic: the database answers, every committed migration is applied,
 * and it is not stopping (readiness; take it out of the load balancer when this fails).
 */
export function healthRoutes(opts: {
  ready: () => Promise<Readiness>;
  stopping: () => boolean;
  metrics: Metrics;
  metricsAt: { path: string; token: string | null } | null;
}): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (opts.stopping()) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    const state = await opts.ready();
    if (state.ready) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'not_ready', reason: state.reason });
  });
  if (opts.metricsAt) router.get(opts.metricsAt.path, metricsHandler(opts.metrics, opts.metricsAt.token));
  return router;
}

/** Times each summary draft into the synthesis histogram. */
export function timedSynthesizer(inner: Synthesizer, metrics: Metrics, engine: string): Synthesizer {
  return {
    async synthesize(request) {
      const end = metrics.synthesis.startTimer({ engine });
      try {
        const result = await inner.synthesize(request);
        end({ outcome: 'ok' });
        return result;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      }
    },
  };
}
