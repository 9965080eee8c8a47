// Drivers: the panel and the map's markers (2,000 of them fit in one answer), suggestions
// for assigning an order, and shift changes.
import { z } from 'zod';
import { SHIFT_STATES } from '../domain/vocabulary';
import type { ShiftState } from '../domain/vocabulary';
import { command, idSchema, noArgs, query } from './define';

export interface DriverListRow {
  id: string;
  name: string;
  phone: string;
  vehicle: string;
  vehiclePlate: string;
  homeWarehouseId: string | null;
  shiftState: ShiftState;
  shiftChangedAt: number | null;
  lat: number | null;
  lon: number | null;
  headingDeg: number | null;
  speedKmh: number | null;
  battery: number | null;
  charging: boolean | null;
  /** Last accepted fix (ms); the marker shows "no signal" when older than 5 min. */
  fixAt: number | null;
  /** The server said no signal (a silent phone, or one repeating a cached fix). */
  noSignal: boolean;
  /** Open orders assigned to this driver (confirmed, at_warehouse, in_transit, problem). */
  load: number;
  /** Orders assigned today / this month (fair distribution). */
  assignedToday: number;
  version: number;
}

/** One ranked driver (fair distribution, shared/domain/driver-ranking.ts). */
export interface DriverSuggestionView {
  driverId: string;
  name: string;
  shiftState: ShiftState;
  load: number;
  assignedToday: number;
  /** Straight-line distance to the order's pickup; null without a position. */
  distanceKm: number | null;
  fixAt: number | null;
  /** 0..100, higher is better; suggestions come sorted by it. */
  score: number;
  noSignal: boolean;
  /** The customer's regular driver. */
  isRegular: boolean;
  onBreak: boolean;
  /** Why ranked here, short English phrases ("2.1 km away", "3 orders in work, 1 today"). */
  reasons: string[];
}

export interface DriverSuggestions {
  orderId: string;
  suggestions: DriverSuggestionView[];
  /** Not offered, and why. */
  excluded: { driverId: string; name: string; reason: 'off_shift' | 'on_break' }[];
  /** Nobody has started the day: nobody can be suggested, tell the supervisor. */
  nobodyOnShift: boolean;
}

export const driversApi = {
  listDrivers: query<DriverListRow[]>()(noArgs),
  suggestDrivers: query<DriverSuggestions>()(
    z.object({ orderId: idSchema, limit: z.number().int().positive().max(200).default(10) }).strict(),
  ),
  setDriverShift: command(z.object({ driverId: idSchema, shiftState: z.enum(SHIFT_STATES) }).strict()),
} as const;
