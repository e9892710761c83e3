// The facts a report states: each by its name, set by whichever step knows it, shown in the one
// order of FACTS on every channel (terminal, job summary, JSON, notification), so no step keeps an
// index into a list or inserts in the middle of one. Adding a fact is one line here.

/** [name (the JSON name), label (what a person reads)], in the order every channel shows them. */
export const FACTS = [
  ['server', 'Server'],
  ['flavor', 'Flavor'],
  ['healthy', 'Healthy'],
  ['checked_at', 'Checked at'],
  ['audit_log', 'Audit log'],
  ['dry_run', 'Dry run'],
  ['tier', 'Tier'],
  ['label_prefix', 'Label prefix'],
  ['older_than', 'Older than'],
  ['labels', 'Labels'],
  ['resolved_by', 'Resolved by'],
  ['day', 'Day'],
  ['day_chosen', 'Day chosen'],
  ['period', 'Period'],
  ['daily_limit', 'Daily limit'],
  ['limit', 'Limit'],
  ['requested', 'Requested'],
  ['would_create', 'Would create'],
  ['would_not_create', 'Would not create (rate limit)'],
  ['create_requests', 'Create requests'],
  ['rate_limit', 'Rate limit'],
  ['created', 'Created'],
  ['failed', 'Failed'],
  ['re_exported', 'Re-exported from an earlier attempt'],
  ['kept_from_file', 'Kept from the file'],
  ['adopted', 'Found on the server after an unknown outcome'],
  ['duplicates_deleted', 'Duplicate keys deleted'],
  ['repeated_keys', 'Keys the server answered twice'],
  ['retried_requests', 'Retried requests'],
  ['listed', 'Listed'],
  ['due', 'Due'],
  ['idle', 'Idle'],
  ['would_delete', 'Would delete'],
  ['would_stay_due', 'Would stay due (rate limit)'],
  ['left_due', 'Left due (rate limit)'],
  ['deleted', 'Deleted'],
  ['would_reset', 'Would reset'],
  ['reset', 'Reset'],
  ['keys_reset', 'Keys reset'],
  ['nothing_to_reset', 'Nothing to reset'],
  ['keys', 'Keys'],
  ['requests', 'Requests'],
  ['requests_period', 'Requests (period)'],
  ['keys_used', 'Keys used'],
  ['percent_of', 'Percent of'],
  ['alert_threshold', 'Alert threshold'],
  ['alerts', 'Alerts'],
  ['spikes', 'Spikes'],
  ['forecast', 'Forecast'],
  ['forecast_note', 'Forecast note'],
  ['idle_keys', 'Idle keys'],
  ['servers', 'Servers'],
  ['failed_servers', 'Failed servers'],
  ['csv', 'CSV'],
  ['table', 'Table'],
  ['artifact', 'Artifact'],
  ['artifact_url', 'Artifact URL'],
  ['dashboard', 'Dashboard'],
  ['failure', 'Failure'],
] as const;

export type FactName = (typeof FACTS)[number][0];
export type FactValue = string | number | boolean;

const ORDER = new Map<string, number>(FACTS.map(([name], i) => [name, i]));
const LABEL = new Map<string, string>(FACTS.map(([name, label]) => [name, label]));

/** What a person reads for a value: numbers as they are, yes or no. */
export function factText(value: FactValue): string {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}

/** One shown fact: its name, its label and its value. */
export interface Fact {
  name: FactName;
  label: string;
  value: FactValue;
}

/** A report's facts, each set once by name (a later set replaces it), read in FACTS order. */
export class Facts {
  private readonly values = new Map<FactName, FactValue>();

  set(name: FactName, value: FactValue | undefined): this {
    if (value === undefined) this.values.delete(name);
    else this.values.set(name, value);
    return this;
  }

  get(name: FactName): FactValue | undefined {
    return this.values.get(name);
  }

  has(name: FactName): boolean {
    return this.values.has(name);
  }

  /** Every fact set, in FACTS order. */
  list(): Fact[] {
    return [...this.values]
      .sort(([a], [b]) => ORDER.get(a)! - ORDER.get(b)!)
      .map(([name, value]) => ({ name, label: LABEL.get(name)!, value }));
  }
}
