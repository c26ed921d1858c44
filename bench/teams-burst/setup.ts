// Getting a zone ready for the burst through Teams only: the facilitator installs the bot, N members accept
// the privacy text from a card (which enrols them), the facilitator creates a poll from a card, and the
// outbox sends it to everyone's personal chat.
import Database from 'better-sqlite3';
import pg from 'pg';
import { currentPrivacyNotice } from '../../src/core/index.js';
import { button, cardOf, cardText, choiceValues, personalChat, teamsUser, type TeamsClient, type TeamsUser } from '../../test/support/teams-client.js';
import type { TeamsStandIn } from '../../test/support/teams-standin.js';
import type { StemmenTeams } from './stemmen.js';

const QUESTION = 'Welk thema eerst?';

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
  /** Option values by label, as the members' poll cards offer them. */
  options: string[];
  members: TeamsUser[];
}

export async function enrolAndOpenPoll(s: StemmenTeams, standIn: TeamsStandIn, client: TeamsClient, count: number): Promise<OpenPoll> {
  // The first person to install the bot in a tenant becomes its facilitator.
  const facilitator = teamsUser('Facilitator', 'nl-BE');
  const installed = await client.post(client.installed(facilitator));
  if (installed.status !== 200) throw new Error(`install answered ${installed.status}`);
  const members = Array.from({ length: count }, (_, i) => teamsUser(`Member${i}`, 'nl-BE'));
  const version = currentPrivacyNotice(s.app.deps, 'nl').version;
  // Pressing "I take part" on the privacy card enrols the member and records their consent.
  await pool(members, 20, (user) => client.press(user, 'participation.accept', { version }));

  const created = await client.press(facilitator, 'poll.create', {
    question: QUESTION,
    kind: 'single',
    anonymity: 'confidential',
    resultsVisibility: 'live',
    options: 'Vervoer\nWachttijden\nDigitale drempels',
  });
  const pollId = button(created, 'poll.close').pollId as string;
  // Each press by the facilitator asks the outbox for a round (of 50): press until everyone has the poll.
  const hasPoll = (user: TeamsUser) => standIn.sent.some((r) => r.conversationId === personalChat(user) && cardText(r.body).includes(QUESTION));
  const giveUp = Date.now() + 120_000;
  while (!members.every(hasPoll)) {
    if (Date.now() > giveUp) throw new Error('the poll did not reach every member');
    await client.press(facilitator, 'home');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const card = cardOf(standIn.sent.find((r) => r.conversationId === personalChat(members[0]!) && cardText(r.body).includes(QUESTION))!);
  // Let the last outbox round settle (its deliveries are marked) before anything is measured.
  await client.press(facilitator, 'home');
  return { pollId, options: [...choiceValues(card, 'optionIds').values()], members };
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
