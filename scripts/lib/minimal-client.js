// The lightest honest client, a fresh process like our CLI: node:http with a keep-alive agent of
// CONCURRENCY sockets, every answer read whole and parsed as JSON, non-2xx an error. The yardstick
// of the per-key cost (scripts/bench.js); it writes nothing, redacts nothing, retries nothing.
// Usage: node minimal-client.js create URL TOKEN COUNT CONCURRENCY
//        node minimal-client.js rotate URL TOKEN CONCURRENCY   (GET /admin/keys, then DELETE each)
import http from 'node:http';

const [mode, url, token, ...rest] = process.argv.slice(2);
const base = new URL(url);
const prefix = base.pathname.replace(/\/$/, '');
const concurrency = Number(mode === 'create' ? rest[1] : rest[0]);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

function send(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, method, path: prefix + path, headers, agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode < 200 || res.statusCode > 299)
            return reject(new Error(`${method} ${path}: ${res.statusCode}`));
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs job(0..count-1), at most `concurrency` at a time. */
async function pool(count, job) {
  let next = 0;
  const worker = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

if (mode === 'create') {
  await pool(Number(rest[0]), (i) => send('POST', '/admin/keys', JSON.stringify({ label: `min-${i}` })));
} else if (mode === 'rotate') {
  const listed = await send('GET', '/admin/keys');
  const keys = (Array.isArray(listed) ? listed : listed.keys).map((k) => k.key);
  await pool(keys.length, (i) => send('DELETE', `/admin/keys/${encodeURIComponent(keys[i])}`));
} else {
  throw new Error(`unknown mode ${mode}`);
}
agent.destroy();
