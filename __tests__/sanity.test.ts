import { DatabaseSync } from 'node:sqlite';
test('jest runs TypeScript ESM on Node 24', () => {
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  expect(new DatabaseSync(':memory:').prepare('select 1 as x').get()).toEqual({ x: 1 });
});
