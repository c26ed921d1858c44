import { exportMemberByOperator, eraseMemberByOperator } from '../core/index.js';
import type { CoreDeps } from '../core/context.js';
import { applyRetention } from '../core/use-cases/retention.js';
import { expireConsentRequests } from '../core/use-cases/consent-deadlines.js';
import { scanTextReport } from './scan-text.js';

export const USAGE = `Stemmen admin commands (npm run cli -- <command>):
  scan-text [--lang nl|fr|en] [text]   what the sensitive-data guard finds (text from stdin when not given), JSON
  export-member <memberId>             everything kept about one member (GDPR art. 20), JSON
  erase-member <memberId> --yes        erase one member (GDPR art. 17); prints what was removed, JSON
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

/** Parses `args` and runs one command. `openDeps` is called only by commands that need the database. */
export async function runCli(args: string[], io: CliIo, openDeps: () => Promise<{ deps: CoreDeps; close(): Promise<void> }>, ops?: CliOps): Promise<number> {
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
    const { deps, close } = await openDeps();
    try {
      json(command === 'export-member' ? await exportMemberByOperator(deps, memberId) : await eraseMemberByOperator(deps, memberId));
      return 0;
    } finally {
      await close();
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
