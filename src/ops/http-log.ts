import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';

/**
 * A route label for logs and metrics without personal data and with few distinct values: the path
 * without its query string (sign-in links and forms may carry tokens there), each segment that is not a
 * plain lowercase word (ids, tokens, names) replaced by `:id`, at most four segments deep.
 */
export function routeLabel(path: string, status: number): string {
  if (status === 404) return 'unmatched';
  const segments = path.split('?')[0]!.split('/').filter(Boolean);
  const label = segments.slice(0, 4).map((s) => (/^[a-z][a-z-]{0,30}$/.test(s) ? s : ':id'));
  return `/${label.join('/')}${segments.length > 4 ? '/…' : ''}`;
}

/** The chat channel an inbound request comes from, when it is one (its answer is the acknowledgement). */
export function channelOf(method: string, path: string): 'slack' | 'teams' | 'web' | null {
  if (path.startsWith('/slack/')) return 'slack';
  if (path === '/api/messages') return 'teams';
  if (method === 'POST' && !path.startsWith('/metrics')) return 'web';
  return null;
}

/**
 * Access log and HTTP metrics, one line per request once it is answered: method, route label, status,
 * duration and size. No client address, user agent, query string or body: they can identify a member.
 */
export function accessLog(logger: Logger | null, metrics: Metrics): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req.originalUrl, res.statusCode);
      metrics.http.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      const channel = channelOf(req.method, req.originalUrl.split('?')[0]!);
      if (channel) metrics.ack.observe({ channel }, seconds);
      logger?.info(
        { event: 'http', method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000), bytes: Number(res.get('content-length') ?? 0) },
        'request',
      );
    });
    next();
  };
}
