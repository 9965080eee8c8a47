// The driver card (issue 13 item 11): who the driver is and what they do today, from the
// replica (so it answers offline too), and their GPS track for a period, which only the server
// keeps: main fetches GET /api/drivers/:id/track with the signed-in user's token and checks the
// answer with trackAnswerSchema before it crosses into the renderer.
import { z } from 'zod';
import type { OrderStatus, ServiceType, ShiftState } from '../domain/vocabulary';
import { epochMsSchema, idSchema, query } from './define';

export interface DriverCardOrder {
  id: string;
  number: string;
  status: OrderStatus;
  customerName: string;
  deliveryAddress: string;
  slaDeadline: number | null;
  /** When it was handed over (delivered), for finished orders. */
  deliveredAt: number | null;
  /** What the SLA countdown needs (ui/SlaCountdown). */
  serviceType: ServiceType;
  vip: boolean;
  confirmedAt: number | null;
  createdAt: number;
  regionId: string;
}

export interface DriverCardView {
  id: string;
  name: string;
  phone: string;
  vehicle: string;
  vehiclePlate: string;
  shiftState: ShiftState;
  /** Since when the shift state holds (ms), null when never changed. */
  shiftChangedAt: number | null;
  battery: number | null;
  charging: boolean | null;
  fixAt: number | null;
  noSignal: boolean;
  lat: number | null;
  lon: number | null;
  /** Orders of the company's today: open ones in work, and those finished today. */
  todayOrders: DriverCardOrder[];
}

/** One stored fix, oldest first (the server's GET /api/drivers/:id/track row). */
export const trackPointSchema = z.object({
  fixAt: z.number().int(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  speedKmh: z.number().nullable(),
  headingDeg: z.number().nullable(),
  accuracyM: z.number().nullable(),
});
export type TrackPointView = z.infer<typeof trackPointSchema>;

/** The server's answer, checked by main before anything of it reaches the renderer. */
export const trackAnswerSchema = z.object({
  driverId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  points: z.array(trackPointSchema),
  /** More fixes than the limit lay in the period: the first `limit` are here. */
  truncated: z.boolean(),
});
export type DriverTrackView = z.infer<typeof trackAnswerSchema>;

/**
 * Fixes asked for at most in one track (the server's own cap is 50,000): ~1.6 MB of JSON, under
 * main's 2 MB cap on a server answer; a day of a moving phone at one fix per 5 s is ~10,000.
 */
export const TRACK_POINT_LIMIT = 15_000;

export const driverCardApi = {
  driverCard: query<DriverCardView>()(z.object({ driverId: idSchema }).strict()),
  driverTrack: query<DriverTrackView>()(z.object({ driverId: idSchema, from: epochMsSchema, to: epochMsSchema }).strict()),
} as const;
