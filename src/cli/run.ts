import { CHANNELS, exportMemberByOperator, eraseMemberByOperator, identitiesForOperatorErasure } from '../core/index.js';
import { ChannelSet } from '../channels/contract.js';
import { deleteErasedMessages } from '../channels/erasure.js';
import type { MessageErasers } from './erasers.js';
import type { CoreDeps } from '../core/context.js';
import { applyRetention } from '../core/use-cases/retention.js';
import { expireConsentRequests } from '../core/use-cases/consent-deadlines.js';
import { scanTextReport } from './scan-text.js';

export const USAGE = `Stemmen admin commands (npm run cli -- <command>):
  scan-text [--lang nl|fr|en] [text]   what the sensitive-data guard finds (text from stdin when not given), JSON
  export-member <memberId>             everything kept about one member (GDPR art. 20), JSON
  erase-member <memberId> --yes        erase one member (GDPR art. 17) and delete the bot's messages to them in Slack
                                       and Teams (where configured here); prints what was removed, JSON
  run-jobs                             run the retention and consent-deadline jobs once, JSON
  backup <file>                        copy the SQLite database to a new file while the app runs (PostgreSQL: pg_dump)`;

/** Operator commands that work on the database as a whole rather than through the core. */
export interface CliOps {
  backup(file: string): Promise<{ file: string; pages: number }>;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, read only when a command needs it. */
  stdin(): Promise<string>;
}

/** The database, and (for erasure) the chat channels configured here. */
export interface CliDeps {
  deps: CoreDeps;
  close(): Promise<void>;
  erasers?(): Promise<MessageErasers>;
}

/**
 * Erasure at the server: the core erases, then the configured chat channels delete the bot's messages to
 * the member, as an erasure from a channel does. What stays (a platform refused, or a channel has no
 * credentials here) is in the output, recorded in the audit log, and said in words on stderr.
 */
async function eraseMember(open: CliDeps, memberId: string, io: CliIo) {
  const { deps } = open;
  const erasers = open.erasers ? await open.erasers() : null;
  try {
    const { tenantId, identities } = await identitiesForOperatorErasure(deps, memberId);
    const result = await eraseMemberByOperator(deps, memberId);
    const undeletedMessages = await deleteErasedMessages(deps, erasers?.channels ?? new ChannelSet(), tenantId, result, identities);
    const configured = new Set(erasers?.configured ?? []);
    for (const channel of CHANNELS) {
      const left = undeletedMessages.filter((m) => m.channel === channel && m.reason === 'channel_not_running').length;
      if (left > 0 && !configured.has(channel)) {
        io.err(`${channel} is not configured here: ${left} message(s) the bot posted to this member there were not deleted (listed in undeletedMessages and the audit log). Run again where ${channel} is configured, or delete them by hand.\n`);
      }
    }
    const refused = undeletedMessages.filter((m) => m.reason !== 'channel_not_running').length;
    if (refused > 0) io.err(`${refused} message(s) could not be deleted on their platform (reasons in undeletedMessages and the audit log).\n`);
    return { ...result, deletedMessages: result.outboundMessages.length - undeletedMessages.length, undeletedMessages };
  } finally {
    await erasers?.close();
  }
}

/** Parses `args` and runs one command. `openDeps` is called only by commands that need the database. */
export async function runCli(args: string[], io: CliIo, openDeps: () => Promise<CliDeps>, ops?: CliOps): Promise<number> {
  const [command, ...rest] = args;
  const flag = (name: string) => rest.includes(name);
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const positional = rest.filter((a, i) => !a.startsWith('--') && !(i > 0 && rest[i - 1] === '--lang'));
  const json = (value: unknown) => io.out(`${JSON.stringify(value, null, 2)}\n`);

  if (command === 'scan-text') {
    const text = positional.length > 0 && positional[0] !== '-' ? positional.join(' ') : await io.stdin();
    json(scanTextReport(text, option('--lang')));
    return 0;
  }
  if (command === 'export-member' || command === 'erase-member') {
    const memberId = positional[0];
    if (!memberId) {
      io.err(`${USAGE}\n`);
      return 2;
    }
    if (command === 'erase-member' && !flag('--yes')) {
      io.err(`Erasing member ${memberId} cannot be undone. Run again with --yes to go ahead.\n`);
      return 2;
    }
    const opened = await openDeps();
    try {
      json(command === 'export-member' ? await exportMemberByOperator(opened.deps, memberId) : await eraseMember(opened, memberId, io));
      return 0;
    } finally {
      await opened.close();
    }
  }
  if (command === 'run-jobs') {
    const { deps, close } = await openDeps();
    try {
      const consent = await expireConsentRequests(deps);
      const retention = await applyRetention(deps);
      json({ consent: { expired: consent.expired, reissued: consent.reissued.map((v) => v.id) }, retention });
      return 0;
    } finally {
      await close();
    }
  }
  if (command === 'backup' && ops) {
    const file = positional[0];
    if (!file) {
      io.err(`${USAGE}\n`);
      return 2;
    }
    json(await ops.backup(file));
    // The secret is not in the database, and anonymous links cannot be matched without it.
    io.err('Keep STEMMEN_SECRET (and STEMMEN_ENCRYPTION_KEY if set) safe apart from this file: a restore needs the same values.\n');
    return 0;
  }
  io.err(`${USAGE}\n`);
  return command === undefined || command === 'help' || flag('--help') ? 0 : 2;
}
