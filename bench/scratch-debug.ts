import { startSlackApi } from '../test/support/slack-api.js';
import { SlackSender } from '../test/support/slack-requests.js';
import { startPostgres } from './slack-burst/postgres.js';
import { enrolAndOpenPoll } from './slack-burst/setup.js';
import { startStemmenSlack } from './slack-burst/stemmen.js';
const pg = await startPostgres();
if ('missing' in pg) throw new Error(pg.missing);
const url = process.argv[2] === 'sqlite' ? 'file:/tmp/chanscratch/x' + Date.now() + '.db' : await pg.makeUrl();
const api = await startSlackApi();
const s = await startStemmenSlack(url, 'bench-signing-secret-0123456789abcdef', api.url);
try {
  const r = await enrolAndOpenPoll(s, api, new SlackSender(s.url, 'bench-signing-secret-0123456789abcdef', { id: api.team.id, domain: 'z' }, api.url), 5);
  console.log('ok', r.pollId);
} catch (e) {
  console.log(e);
  console.log(api.calls.map((c) => c.method + ' ' + JSON.stringify(c.args).slice(0, 150)).join('\n'));
}
await s.close(); await api.close(); await pg.stop();
