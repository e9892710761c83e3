// The webhook URL's secret part, which every log line is redacted of (any 8-character piece of it):
// the path and query when long enough; with a short path the host and path, never the scheme, since
// `https://` is in every URL a run prints (the server's, the run's page) and would vanish from them.
import { webhookSecret } from '../src/output/notify.js';

test('a long path is the secret; a short one takes the host along, never https://', () => {
  expect(webhookSecret('https://hooks.slack.com/services/T000/B000/XXXXXXXX')).toBe('/services/T000/B000/XXXXXXXX');
  expect(webhookSecret('https://chat.example.org/h?k=1')).toBe('chat.example.org/h?k=1');
  expect(webhookSecret('https://a.io/x')).toBe('a.io/x');
  expect(webhookSecret('https://hooks.example.com/x')).toBe('hooks.example.com/x');
  for (const url of ['https://a.io/x', 'https://hooks.example.com/x', 'http://example.net/']) {
    expect(webhookSecret(url)).not.toContain('https://');
    expect(webhookSecret(url)).not.toContain('http://');
  }
  // Not a URL: the whole text stays the secret.
  expect(webhookSecret('  not a url  ')).toBe('not a url');
  expect(webhookSecret('')).toBeUndefined();
});
