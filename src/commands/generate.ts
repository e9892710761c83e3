import { issueKeys, type IssueResult, type IssueServices } from '../issue-keys.js';

export interface GenerateOptions {
  name: string;
  limit: number;
}

/** One key labelled exactly `name`. */
export async function generate(options: GenerateOptions, services: IssueServices): Promise<IssueResult> {
  return issueKeys([{ label: options.name, dailyLimit: options.limit }], 1, services);
}
