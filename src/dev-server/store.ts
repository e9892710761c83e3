/**
 * SQLite persistence of the dev server (node:sqlite, synchronous). One schema serves every
 * flavor: columns a flavor does not use keep their defaults. All statements are prepared once.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';

export interface KeyRow {
  id: number;
  key: string;
  label: string | null;
  created_at: number;
  daily_limit: number | null;
  is_active: number;
  total_quota: number;
  used_quota: number;
  expires_at: string | null;
  response_count: number;
  response_ms: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS keys (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  label TEXT,
  created_at INTEGER NOT NULL,
  daily_limit INTEGER,
  is_active INTEGER NOT NULL DEFAULT 1,
  total_quota INTEGER NOT NULL DEFAULT 1000,
  used_quota INTEGER NOT NULL DEFAULT 0,
  expires_at TEXT,
  response_count INTEGER NOT NULL DEFAULT 0,
  response_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS keys_created ON keys(created_at, id);
CREATE TABLE IF NOT EXISTS usage (
  day TEXT NOT NULL,
  key TEXT NOT NULL,
  requests INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (day, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS usage_key ON usage(key, day);
`;

const withToday =
  'SELECT k.key, k.label, k.created_at, k.daily_limit, k.is_active, COALESCE(u.requests, 0) AS today_requests ' +
  'FROM keys k LEFT JOIN usage u ON u.day = ? AND u.key = k.key';
const v01Cols =
  'SELECT u.key, k.label, u.requests AS req_count, u.updated_at FROM usage u LEFT JOIN keys k ON k.key = u.key';
const v01Recent =
  'SELECT u.day, u.key, k.label, u.requests AS req_count, u.updated_at FROM usage u LEFT JOIN keys k ON k.key = u.key';
const since =
  'SELECT k.key, k.label, k.created_at, k.daily_limit, k.is_active, u.day, u.requests, u.updated_at ' +
  'FROM keys k JOIN usage u ON u.key = k.key WHERE u.day >= ?';
const active = '(expires_at IS NULL OR expires_at > ?) AND used_quota < total_quota';
const v10Cols = 'SELECT id, key, label, total_quota, used_quota, created_at, expires_at FROM keys';
const v10Usage =
  'SELECT k.key, k.label, k.total_quota, k.used_quota, k.created_at, k.response_count, k.response_ms, ' +
  '(SELECT COALESCE(SUM(u.requests), 0) FROM usage u WHERE u.key = k.key AND u.day > ?) AS request_count FROM keys k';

/** Every statement of the store, prepared once per Store under the same name. */
const SQL = {
  insertKey:
    'INSERT INTO keys (key, label, created_at, daily_limit, total_quota, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  getKey: 'SELECT * FROM keys WHERE key = ?',
  deleteKey: 'DELETE FROM keys WHERE key = ?',
  countKeys: 'SELECT COUNT(*) AS n FROM keys',
  allKeysById: 'SELECT key, label, created_at, daily_limit FROM keys ORDER BY id',
  keysNewest: 'SELECT key, label, created_at FROM keys ORDER BY created_at DESC, id DESC',
  keysOldest: 'SELECT key, label, created_at FROM keys ORDER BY created_at, id',
  keysFullNewest: 'SELECT key, label, created_at, daily_limit, is_active FROM keys ORDER BY created_at DESC, id DESC',
  keysWithToday: withToday + ' ORDER BY k.created_at DESC, k.id DESC',
  keysWithTodayActive: withToday + ' WHERE k.is_active = 1 ORDER BY k.created_at DESC, k.id DESC',
  countActive: 'SELECT COUNT(*) AS n FROM keys WHERE is_active = 1',
  getUsage: 'SELECT requests FROM usage WHERE day = ? AND key = ?',
  addUsage:
    'INSERT INTO usage (day, key, requests, updated_at) VALUES (?, ?, ?, ?) ' +
    'ON CONFLICT (day, key) DO UPDATE SET requests = requests + excluded.requests, updated_at = excluded.updated_at',
  deleteUsage: 'DELETE FROM usage WHERE day = ? AND key = ?',
  zeroUsage: 'UPDATE usage SET requests = 0, updated_at = ? WHERE day = ? AND key = ?',
  setUsageZero:
    'INSERT INTO usage (day, key, requests, updated_at) VALUES (?, ?, 0, ?) ' +
    'ON CONFLICT (day, key) DO UPDATE SET requests = 0, updated_at = excluded.updated_at',
  deleteUsageDay: 'DELETE FROM usage WHERE day = ?',
  usagePage:
    'SELECT u.day, u.key AS trial_key, k.label, u.requests, u.updated_at FROM usage u ' +
    'LEFT JOIN keys k ON k.key = u.key ORDER BY u.day DESC, u.updated_at DESC, u.key LIMIT ? OFFSET ?',
  usageCount: 'SELECT COUNT(*) AS n FROM usage',
  usageDay: v01Cols + ' WHERE u.day = ? ORDER BY u.updated_at DESC, u.key',
  usageDayKey: v01Cols + ' WHERE u.day = ? AND u.key = ?',
  usageRecent: v01Recent + ' ORDER BY u.day DESC, u.updated_at DESC, u.key LIMIT ?',
  usageRecentKey: v01Recent + ' WHERE u.key = ? ORDER BY u.day DESC LIMIT ?',
  usageDayAllKeys:
    'SELECT k.key, k.label, k.created_at, k.daily_limit, COALESCE(u.requests, 0) AS requests, u.updated_at ' +
    'FROM keys k LEFT JOIN usage u ON u.day = ? AND u.key = k.key ORDER BY k.created_at DESC, k.id DESC',
  usageSince: since + ' ORDER BY k.created_at DESC, k.id DESC, u.day DESC',
  usageSinceKey: since + ' AND k.key = ? ORDER BY u.day DESC',
  v10Page: v10Cols + ' ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
  v10PageActive: v10Cols + ` WHERE ${active} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
  v10CountActive: `SELECT COUNT(*) AS n FROM keys WHERE ${active}`,
  v10CountExpired: 'SELECT COUNT(*) AS n FROM keys WHERE expires_at IS NOT NULL AND expires_at <= ?',
  v10Totals:
    'SELECT COUNT(*) AS n, COALESCE(SUM(total_quota), 0) AS total_quota, COALESCE(SUM(used_quota), 0) AS used_quota, ' +
    'COALESCE(SUM(used_quota >= total_quota), 0) AS exhausted FROM keys',
  v10UsagePage: v10Usage + ' ORDER BY k.created_at DESC, k.id DESC LIMIT ? OFFSET ?',
  v10UsagePageKey: v10Usage + ' WHERE k.key = ? LIMIT ? OFFSET ?',
  v10UsageCountKey: 'SELECT COUNT(*) AS n FROM keys WHERE key = ?',
  v10AddUsed: 'UPDATE keys SET used_quota = used_quota + ? WHERE key = ?',
  v10Response: 'UPDATE keys SET response_count = response_count + 1, response_ms = response_ms + ? WHERE key = ?',
  v10ResetOne: 'UPDATE keys SET used_quota = 0 WHERE key = ?',
  v10ResetAll: 'UPDATE keys SET used_quota = 0',
  v10Update:
    'UPDATE keys SET label = CASE WHEN ?1 THEN ?2 ELSE label END, ' +
    'expires_at = CASE WHEN ?3 THEN ?4 ELSE expires_at END, ' +
    'total_quota = CASE WHEN ?5 THEN ?6 ELSE total_quota END WHERE key = ?7',
  requestsOnDay: 'SELECT COALESCE(SUM(requests), 0) AS n FROM usage WHERE day = ?',
} as const;

export class Store {
  readonly db: DatabaseSync;
  private closed = false;

  // keys
  readonly insertKey: StatementSync;
  readonly getKey: StatementSync;
  readonly deleteKey: StatementSync;
  readonly countKeys: StatementSync;
  readonly allKeysById: StatementSync;
  readonly keysNewest: StatementSync; // key,label,created_at
  readonly keysOldest: StatementSync;
  readonly keysFullNewest: StatementSync; // + daily_limit,is_active
  readonly keysWithToday: StatementSync; // v1a listing
  readonly keysWithTodayActive: StatementSync;
  readonly countActive: StatementSync; // is_active = 1
  // usage
  readonly getUsage: StatementSync;
  readonly addUsage: StatementSync;
  readonly deleteUsage: StatementSync;
  readonly zeroUsage: StatementSync; // v1 reset: the row stays, at 0
  readonly setUsageZero: StatementSync; // v01 reset: a row at 0, made if missing
  readonly deleteUsageDay: StatementSync;
  readonly usagePage: StatementSync; // v1
  readonly usageCount: StatementSync;
  readonly usageDay: StatementSync; // v01 ?day=
  readonly usageDayKey: StatementSync;
  readonly usageRecent: StatementSync; // v01 without day
  readonly usageRecentKey: StatementSync;
  readonly usageDayAllKeys: StatementSync; // v1p
  readonly usageSince: StatementSync; // v1a
  readonly usageSinceKey: StatementSync;
  readonly countActiveV1a: StatementSync;
  // v10
  readonly v10Page: StatementSync;
  readonly v10PageActive: StatementSync;
  readonly v10CountActive: StatementSync;
  readonly v10CountExpired: StatementSync;
  readonly v10Totals: StatementSync;
  readonly v10UsagePage: StatementSync;
  readonly v10UsagePageKey: StatementSync;
  readonly v10UsageCountKey: StatementSync;
  readonly v10AddUsed: StatementSync;
  readonly v10Response: StatementSync;
  readonly v10ResetOne: StatementSync;
  readonly v10ResetAll: StatementSync;
  readonly v10Update: StatementSync;
  readonly requestsOnDay: StatementSync;

  constructor(file: string, sync: boolean) {
    this.db = new DatabaseSync(file);
    const db = this.db;
    db.exec('PRAGMA busy_timeout = 5000');
    // A file: WAL; with durable writes, the rollback journal and a full sync per insert, as the real v1
    // runs (better-sqlite3's defaults, journal_mode=delete): its inserts cost here what they cost there.
    if (file !== ':memory:' && file !== '') db.exec(`PRAGMA journal_mode = ${sync ? 'DELETE' : 'WAL'}`);
    db.exec(sync ? 'PRAGMA synchronous = FULL' : 'PRAGMA synchronous = OFF');
    db.exec('PRAGMA temp_store = MEMORY');
    db.exec(SCHEMA);

    const p = (sql: string): StatementSync => db.prepare(sql);
    this.insertKey = p(SQL.insertKey);
    this.getKey = p(SQL.getKey);
    this.deleteKey = p(SQL.deleteKey);
    this.countKeys = p(SQL.countKeys);
    this.allKeysById = p(SQL.allKeysById);
    this.keysNewest = p(SQL.keysNewest);
    this.keysOldest = p(SQL.keysOldest);
    this.keysFullNewest = p(SQL.keysFullNewest);
    this.keysWithToday = p(SQL.keysWithToday);
    this.keysWithTodayActive = p(SQL.keysWithTodayActive);
    this.countActive = p(SQL.countActive);
    this.getUsage = p(SQL.getUsage);
    this.addUsage = p(SQL.addUsage);
    this.deleteUsage = p(SQL.deleteUsage);
    this.zeroUsage = p(SQL.zeroUsage);
    this.setUsageZero = p(SQL.setUsageZero);
    this.deleteUsageDay = p(SQL.deleteUsageDay);
    this.usagePage = p(SQL.usagePage);
    this.usageCount = p(SQL.usageCount);
    this.usageDay = p(SQL.usageDay);
    this.usageDayKey = p(SQL.usageDayKey);
    this.usageRecent = p(SQL.usageRecent);
    this.usageRecentKey = p(SQL.usageRecentKey);
    this.usageDayAllKeys = p(SQL.usageDayAllKeys);
    this.usageSince = p(SQL.usageSince);
    this.usageSinceKey = p(SQL.usageSinceKey);
    this.v10Page = p(SQL.v10Page);
    this.v10PageActive = p(SQL.v10PageActive);
    this.v10CountActive = p(SQL.v10CountActive);
    this.v10CountExpired = p(SQL.v10CountExpired);
    this.v10Totals = p(SQL.v10Totals);
    this.v10UsagePage = p(SQL.v10UsagePage);
    this.v10UsagePageKey = p(SQL.v10UsagePageKey);
    this.v10UsageCountKey = p(SQL.v10UsageCountKey);
    this.v10AddUsed = p(SQL.v10AddUsed);
    this.v10Response = p(SQL.v10Response);
    this.v10ResetOne = p(SQL.v10ResetOne);
    this.v10ResetAll = p(SQL.v10ResetAll);
    this.v10Update = p(SQL.v10Update);
    this.requestsOnDay = p(SQL.requestsOnDay);
    this.countActiveV1a = this.countActive;
  }

  /** Runs fn inside BEGIN/COMMIT (ROLLBACK on throw). */
  tx<T>(fn: () => T): T {
    this.db.exec('BEGIN');
    try {
      const r = fn();
      this.db.exec('COMMIT');
      return r;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  count(stmt: StatementSync, ...params: Array<string | number | null>): number {
    const row = stmt.get(...params) as { n: number } | undefined;
    return row ? row.n : 0;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
