import pg from 'pg';

/**
 * The pg pool behind Prisma's PostgreSQL adapter. A server that restarts or fails over ends every
 * connection with an error message (57P01). pg reports it on the connection as an 'error' event, and an
 * 'error' event nobody listens to ends the Node process. PrismaPg listens on the pool (idle connections)
 * and while a transaction holds a connection, but not in every state a connection can be in, so each
 * connection gets a listener of its own for its whole life. Nothing is lost by it: a query in flight
 * still fails with the error, and the pool drops the broken connection and opens a new one next time.
 */
export function pgPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  const ignore = () => undefined;
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  return pool;
}
