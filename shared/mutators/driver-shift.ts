// A driver's shift state (off shift / on shift / on break): what fair distribution reads.
import { z } from 'zod';
import { SHIFT_STATES } from '../domain/vocabulary';
import { defineMutator, DESK, MACHINES } from './define-mutator';
import { reject } from './mutator-tx';

export const setDriverShift = defineMutator({
  label: 'change driver shifts',
  actors: [...DESK, 'driver', ...MACHINES],
  args: z.object({ driverId: z.string().min(1).max(128), state: z.enum(SHIFT_STATES) }),
  run(tx, args, ctx) {
    const driver = tx.get('drivers', args.driverId) ?? reject('not_found', `Driver ${args.driverId} does not exist`, { field: 'driverId' });
    if (driver.shiftState === args.state) return;
    tx.put('drivers', {
      ...driver,
      shiftState: args.state,
      shiftChangedAt: ctx.at,
      updatedAt: ctx.now,
      version: driver.version + 1,
    });
  },
});
