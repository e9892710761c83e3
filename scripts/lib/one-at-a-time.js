// The replaced bash tool's pattern, minus its 0.5 s sleep and its curl/jq processes: one
// POST /admin/keys, wait for the answer, parse it, next. A process of its own, like our CLI.
// Usage: node one-at-a-time.js URL TOKEN COUNT
import { request } from 'undici';

const [url, token, count] = process.argv.slice(2);
const target = `${url.replace(/\/$/, '')}/admin/keys`;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
for (let i = 0; i < Number(count); i++) {
  const answer = await request(target, { method: 'POST', headers, body: JSON.stringify({ label: `seq-${i}` }) });
  if (answer.statusCode !== 200 && answer.statusCode !== 201) throw new Error(`answered ${answer.statusCode}`);
  await answer.body.json();
}
