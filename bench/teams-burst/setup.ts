// Getting a zone ready for the burst through Teams only: the facilitator installs the bot and creates a poll
// from a card, and N members press "I take part" on the privacy card on their way to that poll (which
// enrols them, stores where to reach them, and shows them the poll's card).
import Database from 'better-sqlite3';
import pg from 'pg';
import { currentPrivacyNotice } from '../../src/core/index.js';
import { button, choiceValues, teamsUser, type TeamsClient, type TeamsUser } from '../../test/support/teams-client.js';
import type { StemmenTeams } from './stemmen.js';

/** Runs `work` over `items`, at most `limit` at a time (enrolment is setup, not the measured burst). */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export interface OpenPoll {
  pollId: string;
  /** The option values the members' poll cards offer. */
  options: string[];
  members: TeamsUser[];
}

export async function enrolAndOpenPoll(s: StemmenTeams, client: TeamsClient, count: number): Promise<OpenPoll> {
  // The first person to install the bot in a tenant becomes its facilitator.
  const facilitator = teamsUser('Facilitator', 'nl-BE');
  const installed = await client.post(client.installed(facilitator));
  if (installed.status !== 200) throw new Error(`install answered ${installed.status}`);
  const created = await client.press(facilitator, 'poll.create', {
    question: 'Welk thema eerst?',
    kind: 'single',
    anonymity: 'confidential',
    resultsVisibility: 'live',
    options: 'Vervoer\nWachttijden\nDigitale drempels',
  });
  const pollId = button(created, 'poll.close').pollId as string;
  const members = Array.from({ length: count }, (_, i) => teamsUser(`Member${i}`, 'nl-BE'));
  const version = currentPrivacyNotice(s.app.deps, 'nl').version;
  let options: string[] = [];
  await pool(members, 20, async (user) => {
    const card = await client.press(user, 'participation.accept', { version, next: 'poll.show', pollId });
    options = [...choiceValues(card, 'optionIds').values()];
  });
  if (options.length === 0) throw new Error('the members were not shown the poll');
  return { pollId, options, members };
}

async function count(databaseUrl: string, sql: string, args: string[]): Promise<number> {
  if (databaseUrl.startsWith('file:')) {
    const db = new Database(databaseUrl.slice('file:'.length), { readonly: true });
    try {
      return (db.prepare(sql.replace(/\$\d+/g, '?')).get(...args) as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query(sql, args)).rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * Effects of the votes, read straight from the database: one audit entry per vote handled (cast or
 * changed). A redelivered invoke must leave none.
 */
export function countVoteEffects(databaseUrl: string, pollId: string): Promise<number> {
  return count(databaseUrl, `SELECT count(*) AS n FROM "AuditEvent" WHERE "objectId" = $1 AND "action" IN ('ballot.cast', 'ballot.changed')`, [pollId]);
}
