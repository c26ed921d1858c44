// Group commit for SQLite: transactions that queue up while one runs are committed together.
//
// On one SQLite file every transaction waits its turn anyway (client.ts), and each one pays for its own
// BEGIN IMMEDIATE, COMMIT (a WAL fsync) and lock hand-over. Here a transaction that finds others queued
// behind it does not commit alone: the queue runs inside one BEGIN IMMEDIATE ... COMMIT, each unit of work
// (a use case's transaction) in its own SAVEPOINT. So:
//  - one failing unit rolls back only itself (ROLLBACK TO its savepoint); the others keep their writes;
//  - no unit is acknowledged before the shared COMMIT is durable: `commit()` of each unit resolves only
//    after it, and if that COMMIT fails every unit of the group fails (nothing was acknowledged), so the
//    caller's retry or error handling sees exactly what a lone transaction would have shown;
//  - units still run one after another (a connection has one savepoint stack), in arrival order.
// A group ends when nobody waits, or at GROUP_MAX units or GROUP_MAX_MS, so the first unit's latency
// stays bounded under a steady stream.
import type { SqlDriverAdapter, SqlQuery, SqlResultSet, Transaction, TransactionOptions } from '@prisma/driver-adapter-utils';
import { Lock } from './schema-engine.js';

const GROUP_MAX = 100;
const GROUP_MAX_MS = 50;

interface Group {
  release: () => void;
  startedAt: number;
  units: number;
  /** Settles when the group's COMMIT is durable (or failed). */
  done: Promise<void>;
  settle: (error?: unknown) => void;
  /** Set when SQLite ended the transaction itself (a failed ROLLBACK TO): the group can only fail. */
  broken: unknown;
}

export class SqliteGroupCommitter {
  #conn: SqlDriverAdapter;
  #fileLock: Lock;
  /** Units take turns on the connection (one savepoint stack). */
  #turns = new Lock();
  #waiting = 0;
  #group: Group | null = null;
  #savepoints = 0;

  constructor(conn: SqlDriverAdapter, fileLock: Lock) {
    this.#conn = conn;
    this.#fileLock = fileLock;
  }

  async begin(): Promise<Transaction> {
    this.#waiting += 1;
    let endTurn: () => void;
    try {
      endTurn = await this.#turns.acquire();
    } finally {
      this.#waiting -= 1;
    }
    try {
      if (this.#group?.broken !== undefined) await this.#finish(this.#group);
      const group = this.#group ?? (await this.#open());
      const name = `stemmen_unit_${(this.#savepoints += 1)}`;
      await this.#conn.executeScript(`SAVEPOINT ${name}`);
      group.units += 1;
      return new GroupedTransaction(this.#conn, name, group, (failed) => this.#unitEnded(group, endTurn, failed));
    } catch (error) {
      if (this.#group) await this.#finish(this.#group, error);
      endTurn();
      throw error;
    }
  }

  async #open(): Promise<Group> {
    const release = await this.#fileLock.acquire();
    try {
      // IMMEDIATE: take the write lock now, so that reading first cannot make a later write fail.
      await this.#conn.executeScript('BEGIN IMMEDIATE');
    } catch (error) {
      release();
      throw error;
    }
    let settle!: (error?: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    // A group whose units all rolled back has nobody awaiting `done`: its failure must not go unhandled.
    done.catch(() => undefined);
    const group: Group = { release, startedAt: Date.now(), units: 0, done, settle, broken: undefined };
    this.#group = group;
    return group;
  }

  /** A unit released or rolled back its savepoint: commit now unless others are queued (and the group is young). */
  async #unitEnded(group: Group, endTurn: () => void, broken: unknown): Promise<void> {
    if (broken !== undefined && group.broken === undefined) group.broken = broken;
    try {
      const full = group.units >= GROUP_MAX || Date.now() - group.startedAt >= GROUP_MAX_MS;
      if (this.#waiting === 0 || full || group.broken !== undefined) await this.#finish(group);
    } finally {
      endTurn();
    }
  }

  /** Ends the group: COMMIT (ROLLBACK when broken or `failure` is given), frees the file, then tells every unit. */
  async #finish(group: Group, failure?: unknown): Promise<void> {
    if (this.#group !== group) return;
    this.#group = null;
    let error = failure ?? group.broken;
    if (error === undefined) {
      try {
        await this.#conn.executeScript('COMMIT');
      } catch (commitError) {
        error = commitError;
      }
    }
    if (error !== undefined) {
      // The transaction may still be open (a failed COMMIT) or already ended by SQLite; either way none of
      // the group's units was acknowledged, and they all get `error` below.
      await this.#conn.executeScript('ROLLBACK').catch((rollbackError: unknown) => rollbackError);
    }
    group.release();
    group.settle(error);
  }
}

class GroupedTransaction implements Transaction {
  readonly provider = 'sqlite' as const;
  readonly adapterName: string;
  readonly options: TransactionOptions = { usePhantomQuery: false };
  #conn: SqlDriverAdapter;
  #savepoint: string;
  #group: Group;
  #ended: ((broken: unknown) => Promise<void>) | null;
  #endedDone: Promise<void> = Promise.resolve();
  #rolledBack = false;

  constructor(conn: SqlDriverAdapter, savepoint: string, group: Group, ended: (broken: unknown) => Promise<void>) {
    this.#conn = conn;
    this.#savepoint = savepoint;
    this.#group = group;
    this.#ended = ended;
    this.adapterName = conn.adapterName;
  }

  // Prisma ends a transaction by sending COMMIT or ROLLBACK as a statement, then calls commit()/rollback().
  // Within a group those become the unit's savepoint; the group's own COMMIT comes later.
  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#conn.queryRaw(query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    const sql = query.sql.trim().toUpperCase();
    if (sql === 'COMMIT') {
      await this.#conn.executeScript(`RELEASE SAVEPOINT ${this.#savepoint}`);
      return 0;
    }
    if (sql === 'ROLLBACK') {
      await this.#undo();
      return 0;
    }
    return this.#conn.executeRaw(query);
  }

  async #undo(): Promise<void> {
    if (this.#rolledBack) return;
    this.#rolledBack = true;
    let broken: unknown;
    try {
      await this.#conn.executeScript(`ROLLBACK TO SAVEPOINT ${this.#savepoint}; RELEASE SAVEPOINT ${this.#savepoint}`);
    } catch (error) {
      // SQLite rolled the whole transaction back itself (e.g. an I/O error): the group cannot commit.
      broken = error;
    }
    this.#end(broken);
  }

  #end(broken: unknown): void {
    const ended = this.#ended;
    this.#ended = null;
    if (ended) this.#endedDone = ended(broken);
  }

  /** Resolves only once the group's COMMIT is durable: an acknowledged unit survives a crash. */
  async commit(): Promise<void> {
    this.#end(undefined);
    await this.#endedDone;
    await this.#group.done;
  }

  async rollback(): Promise<void> {
    // Normally Prisma sent ROLLBACK already; if a failed RELEASE left the savepoint open, undo it here.
    await this.#undo();
    await this.#endedDone;
  }

  async createSavepoint(name: string): Promise<void> {
    await this.#conn.executeRaw({ sql: `SAVEPOINT ${name}`, args: [], argTypes: [] });
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    await this.#conn.executeRaw({ sql: `ROLLBACK TO ${name}`, args: [], argTypes: [] });
  }

  async releaseSavepoint(name: string): Promise<void> {
    await this.#conn.executeRaw({ sql: `RELEASE SAVEPOINT ${name}`, args: [], argTypes: [] });
  }
}
