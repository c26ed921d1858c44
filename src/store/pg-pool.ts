import pg from 'pg';

/** `?schema=` of a PostgreSQL URL, as Prisma URLs carry it; pg itself ignores it. */
export function postgresSchemaOf(databaseUrl: string): string | undefined {
  return new URL(databaseUrl).searchParams.get('schema') || undefined;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The connection's `options` that make `schema` the search path. Prisma's own queries name the schema
 * (PrismaPg's `schema` option), but raw SQL (`$queryRaw`, the outbox claim, bulk inserts, the readiness
 * probe) and the migrations' SQL name tables without one: they resolve through the search path.
 * In `options`, a space separates arguments and a backslash escapes.
 */
function searchPathOption(schema: string): string {
  return `-c search_path=${quoteIdent(schema).replace(/[\\ ]/g, (c) => `\\${c}`)}`;
}

/**
 * The pg pool behind Prisma's PostgreSQL adapter, on the URL's `?schema=` when it has one.
 *
 * A server that restarts or fails over ends every connection with an error message (57P01). pg reports it
 * on the connection as an 'error' event, and an 'error' event nobody listens to ends the Node process.
 * PrismaPg listens on the pool (idle connections) and while a transaction holds a connection, but not in
 * every state a connection can be in, so each connection gets a listener of its own for its whole life.
 * Nothing is lost by it: a query in flight still fails with the error, and the pool drops the broken
 * connection and opens a new one next time.
 */
export function pgPool(connectionString: string): pg.Pool {
  const schema = postgresSchemaOf(connectionString);
  const pool = new pg.Pool({ connectionString, ...(schema ? { options: searchPathOption(schema) } : {}) });
  const ignore = () => undefined;
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  return pool;
}
