// Orders handed to CDEK move through CDEK's statuses on their own; the simulator plays CDEK
// and sends each next status as a webhook. Pure: which status comes next, and when.
import type { Rng } from '../shared/demo/prng';
import type { FleetOrder } from './fleet-api';

/** The road of a parcel through CDEK (letter codes as in the v2 API). */
export const CDEK_ROAD = ['RECEIVED_AT_SHIPMENT_WAREHOUSE', 'SENT_TO_RECIPIENT_CITY', 'ACCEPTED_AT_RECIPIENT_CITY_WAREHOUSE', 'TAKEN_BY_COURIER', 'DELIVERED'] as const;

export interface CdekParcel {
  order: FleetOrder;
  /** Index into CDEK_ROAD of the next status to send. */
  next: number;
  dueSim: number;
}

/** Where a parcel is on the road, judged from our order's status and sub-mark. */
export function startIndex(o: FleetOrder): number {
  if (o.status === 'at_warehouse') return 0;
  if (o.subMark === 'arrived') return 3;
  if (o.subMark === 'on_route') return 2;
  return 1;
}

export function newParcel(o: FleetOrder, simNow: number, rng: Rng): CdekParcel {
  return { order: o, next: startIndex(o), dueSim: simNow + rng.int(30, 600) * 1000 };
}

/**
 * The status to send now for this parcel (null when not due or finished), and the parcel
 * moved on. The last step fails as NOT_DELIVERED (reason 2: recipient unreachable) sometimes.
 */
export function nextCdekStatus(p: CdekParcel, simNow: number, rng: Rng, failChance = 0.08): { code: string; reasonCode?: string } | null {
  if (simNow < p.dueSim || p.next >= CDEK_ROAD.length) return null;
  let code: string = CDEK_ROAD[p.next] as string;
  let reasonCode: string | undefined;
  if (code === 'DELIVERED' && rng.chance(failChance)) {
    code = 'NOT_DELIVERED';
    reasonCode = '2';
  }
  p.next += 1;
  p.dueSim = simNow + rng.int(5, 25) * 60_000;
  return reasonCode === undefined ? { code } : { code, reasonCode };
}
