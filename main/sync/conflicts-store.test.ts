// The conflicts list keeps the refused field with the code, so the console can word a refusal in
// its own language ("Delivery window — check the field…") instead of showing the server's sentence.
import { expect, it } from 'vitest';
import { manyPerTest, tempReplica } from '../testing/fixture-replica';
import { createConflictStore } from './conflicts-store';

const fixture = manyPerTest(tempReplica);

it('records the refused field beside the code, and keeps it across a restart', () => {
  const fx = fixture();
  const store = createConflictStore(fx.replica.sqlite);
  store.record({ mid: 1, name: 'createOrder', args: { regionId: 'r9' }, code: 'not_found', message: 'Region r9 does not exist', field: 'regionId', at: 10 });
  store.record({ mid: 2, name: 'assignDriver', args: { orderId: 'o1' }, code: 'assign_conflict', message: 'taken', field: null, at: 11 });
  expect(store.list(false).map((c) => [c.mid, c.code, c.field])).toEqual([
    [2, 'assign_conflict', null],
    [1, 'not_found', 'regionId'],
  ]);
  const again = createConflictStore(fx.reopen().sqlite);
  expect(again.list(false).map((c) => c.field)).toEqual([null, 'regionId']);
});

it('migration 0021 adds the column without touching the conflicts an older desktop kept', () => {
  const fx = fixture({ before: '0021_conflict_field' });
  fx.replica.sqlite
    .prepare('INSERT INTO conflicts (mid, name, args, code, message, at, acknowledged) VALUES (?, ?, ?, ?, ?, ?, 0)')
    .run(4, 'addComment', '{"orderId":"o1"}', 'bad_args', 'Invalid addComment: text', 5);
  const [kept] = createConflictStore(fx.reopen().sqlite).list(false);
  expect(kept).toMatchObject({ mid: 4, name: 'addComment', code: 'bad_args', field: null, acknowledged: false });
});
