// Every input of the action, which is also a long flag of the CLI. action.yml declares exactly these
// (a test compares them); descriptions live in action.yml and in the CLI help built from this table.

export interface InputSpec {
  name: string;
  /** Default as action.yml states it; '' = none (computed or required). */
  default: string;
  help: string;
  /** CLI short flag of the seed tool. */
  short?: string;
  boolean?: boolean;
}

export const INPUTS: readonly InputSpec[] = [
  { name: 'command', default: 'batch', help: 'health | generate | batch' },
  { name: 'url', default: '', short: 'u', help: 'quota-proxy base URL (env QUOTA_PROXY_URL, else http://localhost:8787); may carry a path prefix' },
  { name: 'admin-token', default: '', short: 't', help: 'admin token (env ADMIN_TOKEN); required for every command but health' },
  { name: 'count', default: '1', short: 'c', help: 'keys to issue with batch, 1..10000' },
  { name: 'limit', default: '100', short: 'l', help: 'daily request limit per key, sent where the server has per-key limits' },
  { name: 'server-daily-limit', default: '200', help: "the server-wide daily limit (v1, v01): written as the CSV's daily_limit there" },
  { name: 'name', default: '', short: 'n', help: 'label (generate) or label stem (batch); default from the event' },
  { name: 'output', default: '', short: 'o', help: 'CSV path; default trial-keys-<YYYYMMDD>-<run id>.csv in the workspace' },
  { name: 'concurrency', default: '4', help: 'requests in flight at once, 1..64' },
  { name: 'timeout-seconds', default: '10', help: 'timeout of each request, in seconds' },
  { name: 'health-path', default: '/healthz', help: 'health check path' },
  { name: 'skip-health-check', default: 'false', boolean: true, help: 'true to skip the health check' },
  { name: 'server-flavor', default: '', help: 'v1 | v01 | v1p | v1a | v10; default: detected from the answers' },
];

export type InputName = (typeof INPUTS)[number]['name'];
