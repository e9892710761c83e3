import { issueKeys, type IssueResult, type IssueServices } from '../issue-keys.js';
import { batchLabels } from '../labels.js';

export interface BatchOptions {
  name: string;
  count: number;
  limit: number;
  concurrency: number;
}

/** `count` keys labelled `<name>-<NNN>-<run suffix>`. */
export async function batch(options: BatchOptions, labelSuffix: string, services: IssueServices): Promise<IssueResult> {
  const requests = batchLabels(options.name, options.count, labelSuffix).map((label) => ({ label, dailyLimit: options.limit }));
  return issueKeys(requests, options.concurrency, services);
}
