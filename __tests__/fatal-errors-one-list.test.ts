// One list of the failures after which every further admin request of a run would fail the same
// way (issue 12 item 4): issue-keys and rotate used to keep two copies that differed (rotate's had
// no 400 and no 404). No process boundary here: the errors are built as the client builds them.
import { FATAL_STATUSES, isFatal, UnsupportedOperationError } from '../src/quota-proxy/errors.js';
import {
  BadAnswerError,
  CutOffAnswerError,
  HttpStatusError,
  NetworkError,
  RateLimitedError,
} from '../src/transport/errors.js';

const target = 'DELETE http://127.0.0.1:1/admin/keys/x';
const status = (code: number) => new HttpStatusError(code, target, 'no', {});

test('a bad request, a bad token and a missing route end the run', () => {
  expect(FATAL_STATUSES).toEqual([400, 401, 403, 404, 405]);
  for (const code of [400, 401, 403, 404, 405]) expect(isFatal(status(code))).toBe(true);
});

test('the admin rate limit and an operation the flavor lacks end the run', () => {
  expect(isFatal(new RateLimitedError(target, new Date(), true, 'still refused after 4 attempts'))).toBe(true);
  expect(isFatal(new RateLimitedError(target, new Date(), false, 'on-rate-limit is fail'))).toBe(true);
  expect(isFatal(new UnsupportedOperationError('v01', 'usage reset endpoint'))).toBe(true);
});

test('failures of one request (server errors, conflicts, lost or broken answers) do not', () => {
  for (const code of [409, 422, 500, 502, 503, 504]) expect(isFatal(status(code))).toBe(false);
  expect(isFatal(new NetworkError('reset', target, 'connection reset by the server', true))).toBe(false);
  expect(isFatal(new NetworkError('timeout', target, 'timed out after 10 s', true, 4))).toBe(false);
  expect(isFatal(new BadAnswerError(200, target, '<html>'))).toBe(false);
  expect(isFatal(new CutOffAnswerError(200, target, '{"keys":[', 9, 100, 1))).toBe(false);
  expect(isFatal(new Error('anything else'))).toBe(false);
  expect(isFatal('a string')).toBe(false);
});
