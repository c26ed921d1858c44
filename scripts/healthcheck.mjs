#!/usr/bin/env node
// The container's HEALTHCHECK: exits 0 when this instance answers /readyz with 200 (database reachable,
// migrations applied, not stopping), 1 otherwise. Plain node, no dependencies: it runs in the runtime
// image, which has neither npm's dev tools nor curl.
const port = process.env.PORT || '3000';
const timeout = AbortSignal.timeout(4000);
try {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: timeout });
  process.exit(res.status === 200 ? 0 : 1);
} catch {
  process.exit(1);
}
