// The replica's MutatorTx writes only the columns a mutation changed, and is not fooled by a
// mutator that edits the object it read (or an array inside it) before putting it back.
import { describe, expect, it } from 'vitest';
import { fakeWorld } from '../../shared/testing/fake-world';
import type { RegionRow } from '../../shared/schema';
import { ChangeSet } from './change-set';
import { Footprint } from './footprints';
import { manyPerTest, worldReplica } from '../testing/fixture-replica';
import { createReplicaTx } from './replica-tx';
import { createRowStore } from './row-store';
import { createShadowStore } from './shadow';

const newReplica = manyPerTest(worldReplica);

function tx() {
  const fx = newReplica();
  const rows = createRowStore(fx.replica.sqlite);
  const t = createReplicaTx({
    rows,
    shadow: createShadowStore(fx.replica.sqlite, rows),
    changes: new ChangeSet(),
    footprint: new Footprint(),
    findOrderIdByNumber: () => undefined,
    findOrderIdByExternalId: () => undefined,
    provisionalOrderNumber: () => '~1',
  });
  return { t, rows, sqlite: fx.replica.sqlite };
}

describe('replica MutatorTx', () => {
  it('keeps edits made in place on the object it handed out, arrays inside included', () => {
    const { t, rows } = tx();
    const region = t.get('regions', 'astana') as RegionRow;
    region.workStartMinute = 8 * 60;
    (region.holidays as string[]).push('2026-03-09');
    t.put('regions', region);
    expect(rows.get('regions', 'astana')).toMatchObject({ workStartMinute: 480, holidays: ['2026-03-09'] });
    // A second put in the same mutation diffs against what the first one wrote.
    t.put('regions', { ...region, workStartMinute: 9 * 60 });
    expect(rows.get('regions', 'astana')).toMatchObject({ workStartMinute: 540, holidays: ['2026-03-09'] });
  });

  it('writes nothing for a put that changes nothing, and a whole row for one it never read', () => {
    const { t, rows, sqlite } = tx();
    const total = sqlite.prepare('SELECT total_changes()').pluck();
    const region = t.get('regions', 'astana') as RegionRow;
    const before = total.get() as number;
    t.put('regions', { ...region });
    // Only the shadow copy (the confirmed state, for the rebase) was written.
    expect((total.get() as number) - before).toBe(1);
    const fresh = { ...(fakeWorld().all('regions')[0] as RegionRow), id: 'almaty', name: 'Almaty' };
    t.put('regions', fresh);
    expect(rows.get('regions', 'almaty')).toMatchObject({ name: 'Almaty' });
  });
});
