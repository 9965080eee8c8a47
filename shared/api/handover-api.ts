// Handing an order over from its card (issue 16): to a carrier found by the carrier search
// filled from the order, to a courier service (its number, or created through its API), or
// back to the own fleet. The commands take the mutators' own schemas (made strict), so one
// rule checks the arguments here and wherever the mutator runs. The providers come from the
// server's courier configuration (GET /api/couriers/providers).
import { z } from 'zod';
import { handToCarrier, handToCourier, handToOwnFleet } from '../mutators/handover';
import type { SecurityCheckState } from '../domain/vocabulary';
import { command, noArgs, query } from './define';

export interface CourierProviderView {
  /** The configuration's key ("cdek"): what handToCourier takes. */
  key: string;
  /** Shown to people: "CDEK". */
  name: string;
  /** The server can create shipments through this provider's API (credentials configured). */
  api: boolean;
}

/** The carrier that carries an order now and the deal agreed with it, for the card. */
export interface CarrierOnOrder {
  id: string;
  name: string;
  phone: string;
  securityCheck: SecurityCheckState;
  rate: number | null;
  currency: string | null;
  loadingAt: number | null;
  contact: string | null;
  vehiclePlate: string | null;
}

/** The provider list as the server answers it; main checks it with this before the UI sees it. */
export const courierProvidersAnswer = z
  .array(z.object({ key: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), name: z.string().min(1).max(100), api: z.boolean() }).strict())
  .max(50);

export const handoverApi = {
  courierProviders: query<CourierProviderView[]>()(noArgs),
  handToCarrier: command(handToCarrier.args.strict()),
  handToCourier: command(handToCourier.args.strict()),
  handToOwnFleet: command(handToOwnFleet.args.strict()),
} as const;
