// An admin sets, per warehouse, the time of day by which some driver should have started the
// day (or turns the check off); the server's alert scheduler reads it
// (shared/alerts/shift-start-alert.ts). The time is "HH:MM" in the warehouse region's local
// time and is stored as minutes after local midnight.
import { z } from 'zod';
import { minuteOfTime, timeOfDaySchema } from '../domain/time-of-day';
import { defineMutator } from './define-mutator';
import { reject } from './mutator-tx';

export const setWarehouseShiftStartAlert = defineMutator({
  label: 'edit warehouse settings',
  actors: ['admin'],
  args: z
    .object({
      warehouseId: z.string().min(1).max(128),
      /** "HH:MM" (00:00-23:59), or null to turn the check off. */
      time: timeOfDaySchema.nullable(),
    })
    .strict(),
  run(tx, args, ctx) {
    const warehouse = tx.get('warehouses', args.warehouseId) ?? reject('not_found', `Warehouse ${args.warehouseId} does not exist`, { field: 'warehouseId', warehouseId: args.warehouseId });
    // minuteOfTime(null) would be null too ("null" is no time): the check only narrows the type.
    // Stryker disable next-line ConditionalExpression: equivalent (see above)
    const minute = args.time === null ? null : minuteOfTime(args.time);
    if (warehouse.shiftStartAlertMinute === minute) return;
    tx.put('warehouses', { ...warehouse, shiftStartAlertMinute: minute, updatedAt: ctx.now });
  },
});
