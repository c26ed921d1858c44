// Getting a zone ready for the burst through Slack only: a facilitator and N members enrol with signed
// requests (a Home tab opened, the privacy text accepted), the facilitator creates a poll from /panel,
// and the outbox sends it to everyone's DM.
import Database from 'better-sqlite3';
import pg from 'pg';
import { currentPrivacyNotice } from '../../src/core/index.js';
import type { SlackApiThread } from './api.js';
import type { SlackSender } from '../../test/support/slack-requests.js';
import type { StemmenSlack } from './stemmen.js';

/** Runs `work` over `items`, at most `limit` at a time (enrolment is setup, not the measured burst). */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

/** A setup request; sent again once when the connection was reset (a keep-alive socket closed under it). */
async function ok(send: () => Promise<{ status: number }>): Promise<void> {
  const { status } = await send().catch(() => send());
  if (status !== 200) throw new Error(`setup request answered ${status}`);
}

export interface PollDm {
  userId: string;
  channel: string;
  message: { ts: string; blocks: unknown[] };
}

export async function enrolAndOpenPoll(s: StemmenSlack, api: SlackApiThread, slack: SlackSender, members: number): Promise<{ pollId: string; dms: PollDm[] }> {
  // The first person to use the bot in a workspace becomes its facilitator.
  await ok(() => slack.command('UFAC', 'help'));
  await s.runtime.idle();
  const users = Array.from({ length: members }, (_, i) => `UM${String(i).padStart(4, '0')}`);
  await api.setUsers(users.map((id) => [id, { name: `Member ${id}`, locale: 'nl-BE' }]));
  const version = currentPrivacyNotice(s.app.deps, 'nl').version;
  await pool(users, 20, (userId) => ok(() => slack.event({ type: 'app_home_opened', user: userId, channel: api.dmOf(userId), tab: 'home', event_ts: `${Date.now() / 1000}` })));
  await s.runtime.idle();
  const privacy = { id: 'VPRIVACY', type: 'modal', callback_id: 'participation', private_metadata: JSON.stringify({ v: version }), blocks: [] };
  await pool(users, 20, (userId) => ok(() => slack.submit(userId, privacy, {})));
  await s.runtime.idle();

  const trigger = `trig-poll-${Date.now()}`;
  await ok(() => slack.command('UFAC', 'poll', { triggerId: trigger }));
  await s.runtime.idle();
  const form = await api.viewOpenedBy(trigger);
  if (!form) throw new Error('the poll form did not open');
  const text = (value: string) => ({ type: 'plain_text_input', value });
  const radio = (value: string) => ({ type: 'radio_buttons', selected_option: { text: { type: 'plain_text', text: value }, value } });
  await ok(() =>
    slack.submit('UFAC', form, {
      question: { question: text('Welk thema eerst?') },
      kind: { kind: radio('single') },
      options: { options: text('Vervoer\nWachttijden\nDigitale drempels') },
      maxChoices: { maxChoices: { type: 'number_input', value: null } },
      anonymity: { anonymity: radio('confidential') },
      resultsVisibility: { resultsVisibility: radio('live') },
      deadline: { deadline: { type: 'datetimepicker', selected_date_time: null } },
    } as never),
  );
  await s.runtime.idle();
  // Until everyone has it (a round started by the outbox's own timer is not tracked: setup, not measured).
  const pollDms = () => api.lastMessageWith(users, '"poll_submit"');
  const giveUp = Date.now() + 120_000;
  while ((await pollDms()).some((dm) => !dm.message) && Date.now() < giveUp) {
    if ((await s.runtime.flushOutbox()) === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    await s.runtime.idle();
  }
  const dms = (await pollDms()).map(({ userId, channel, message }) => {
    if (!message) throw new Error(`${userId} got no poll`);
    return { userId, channel, message };
  });
  const pollId = /"action_id":"poll_submit"[^}]*"value":"([^"]+)"|"value":"([^"]+)"[^}]*"action_id":"poll_submit"/.exec(JSON.stringify(dms[0]!.message.blocks));
  return { pollId: pollId?.[1] ?? pollId?.[2] ?? '', dms };
}

/** Ballots stored for the poll, read straight from the database (the truth, not a view of it). */
export async function countBallots(databaseUrl: string, pollId: string): Promise<number> {
  if (databaseUrl.startsWith('file:')) {
    const db = new Database(databaseUrl.slice('file:'.length), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM "Ballot" WHERE "pollId" = ?').get(pollId) as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*) AS n FROM "Ballot" WHERE "pollId" = $1', [pollId])).rows[0].n);
  } finally {
    await client.end();
  }
}
