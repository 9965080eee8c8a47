// Handlers for the alert and SLA-settings methods (shared/api/alerts-api.ts) and the scanner
// (warehouse-api's scanPick), registered in create-api.ts. Commands become mutations through
// the sync client like every other edit.
import type { ApiHandlers } from '../../shared/api/contract';
import type { HandlerContext } from './handler-context';
import { alertCounts, findCustomers, listAlerts, slaSettings, type AlertViewer } from '../db/queries/alerts-queries';
import { scanPick } from './warehouse-scan';

type AlertMethod = 'listAlerts' | 'alertCounts' | 'acknowledgeAlert' | 'slaSettings' | 'findCustomers' | 'updateSlaPolicy' | 'updateRegionCalendar' | 'setCustomerVip' | 'setWarehouseShiftStartAlert';

/** `viewer`: the signed-in user (null before the server said who we are); the lists show what is theirs to see. */
export function alertsHandlers(ctx: HandlerContext, viewer: () => AlertViewer | null): Pick<ApiHandlers, AlertMethod> {
  return {
    listAlerts: (a) => listAlerts(ctx.replica, { state: a?.state ?? 'active', mine: a?.mine, priority: a?.priority, limit: a?.limit ?? 300 }, viewer()),
    alertCounts: () => alertCounts(ctx.replica, viewer()),
    acknowledgeAlert: (a) => ctx.mutate('acknowledgeAlert', a),
    slaSettings: () => slaSettings(ctx.replica, ctx.actor()),
    findCustomers: (a) => findCustomers(ctx.replica, a.search),
    updateSlaPolicy: (a) => ctx.mutate('updateSlaPolicy', a),
    updateRegionCalendar: (a) => ctx.mutate('updateRegionCalendar', a),
    setCustomerVip: (a) => ctx.mutate('setCustomerVip', a),
    setWarehouseShiftStartAlert: (a) => ctx.mutate('setWarehouseShiftStartAlert', a),
  };
}

export function warehouseScanHandlers(ctx: HandlerContext, warehouseOfUser: () => string | null): Pick<ApiHandlers, 'scanPick'> {
  return {
    scanPick: (a) =>
      scanPick({ replica: ctx.replica, warehouseOfUser, markPicked: (number) => ctx.mutate('markPicked', { number, source: 'scan' }) }, a.number, a.warehouseId),
  };
}
