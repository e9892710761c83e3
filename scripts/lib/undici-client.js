// The transport the design chose, alone: undici's Agent (CONCURRENCY connections) dispatching each
// create with a bare handler, every answer read whole and parsed as JSON, non-2xx an error. The
// reference row B1u of scripts/bench.js: what undici costs before any of our own work, beside the
// minimal node:http client (./minimal-client.js). It writes nothing, redacts nothing, retries nothing.
// Usage: node undici-client.js URL TOKEN COUNT CONCURRENCY
import { Agent } from 'undici';

const [url, token, count, concurrency] = process.argv.slice(2);
const base = new URL(url);
const path = `${base.pathname.replace(/\/$/, '')}/admin/keys`;
const agent = new Agent({ connections: Number(concurrency) });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' };

function create(i) {
  return new Promise((resolve, reject) => {
    let status = 0;
    const chunks = [];
    const body = JSON.stringify({ label: `undici-${i}` });
    agent.dispatch(
      { origin: base.origin, path, method: 'POST', headers, body },
      {
        onRequestStart() {},
        onResponseStart(_controller, statusCode) {
          status = statusCode;
        },
        onResponseData(_controller, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          if (status < 200 || status > 299) reject(new Error(`POST ${path}: ${status}`));
          else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        },
        onResponseError(_controller, error) {
          reject(error);
        },
      },
    );
  });
}

let next = 0;
const worker = async () => {
  while (next < Number(count)) await create(next++);
};
await Promise.all(Array.from({ length: Math.min(Number(concurrency), Number(count)) }, worker));
await agent.close();
