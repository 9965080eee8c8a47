// Taking an order in at the desk (issue 14): find the customer on the phone by any spelling of
// their number or by name (with the addresses they used last), place an address (the geocoder
// set in Settings, else the gazetteer the app ships), and create the order.
import { z } from 'zod';
import type { Place } from '../geo/gazetteer';
import { createOrderArgs } from '../mutators/create-order';
import type { ChecklistItem } from '../domain/order-intake';
import type { ServiceType } from '../domain/vocabulary';
import { correctStatus, editOrder, recordPayment, setChecklistPolicy, undoCorrection } from '../mutators/order-intake-mutators';
import { command, commandReturning, noArgs, query } from './define';
import { orderImportApi } from './order-import-api';

export interface CustomerAddress {
  address: string;
  city: string;
  lat: number;
  lon: number;
  /** When the customer's latest order to this address was created (ms). */
  lastUsedAt: number;
}

/** A customer the desk knows: from the customers table, or only from earlier orders (a shop's). */
export interface CustomerMatch {
  /** customers.id; null for a customer known only by the orders that name them. */
  customerId: string | null;
  name: string;
  phone: string;
  email: string | null;
  /** The VIP contract's norm in minutes; null for ordinary customers. */
  vipNormMinutes: number | null;
  /** Orders of theirs the search found. */
  orderCount: number;
  /** Latest first, at most five, each address once. */
  lastAddresses: CustomerAddress[];
}

export const lookupCustomersSchema = z.object({ query: z.string().max(200) }).strict();

const latLon = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();

export const geocodeSchema = z
  .object({
    query: z.string().max(300),
    /** Rank places near this point first (the chosen warehouse, the current map centre). */
    near: latLon.optional(),
  })
  .strict();

export interface GeocodeResult {
  /** 'geocoder' = the URL set in Settings answered; 'gazetteer' = the shipped list of places. */
  source: 'geocoder' | 'gazetteer';
  places: Place[];
  /** Why the geocoder was not used although one is set (timeout, bad answer), in English. */
  geocoderError: string | null;
}

/**
 * What the form sends: the mutator's arguments without the number (the server gives one), the
 * shop's external id (desk orders have none) and the region (main takes the warehouse's, or the
 * nearest warehouse's for a direct pickup).
 */
export const newOrderSchema = createOrderArgs.omit({ number: true, externalId: true, regionId: true }).strict();
export type NewOrderRequest = z.input<typeof newOrderSchema>;

/** Which confirmation checklist items a service requires (the admin's row, else none). */
export interface ChecklistPolicyView {
  serviceType: ServiceType;
  required: ChecklistItem[];
}

export const orderIntakeApi = {
  lookupCustomers: query<CustomerMatch[]>()(lookupCustomersSchema),
  geocode: query<GeocodeResult>()(geocodeSchema),
  /** Answers the new order's id, so the console can open its card at once. */
  createOrder: commandReturning<{ orderId: string }>()(newOrderSchema),
  // The card's changes after intake: each is one mutation with the mutator's own schema.
  editOrder: command(editOrder.args.strict()),
  correctStatus: command(correctStatus.args.strict()),
  undoCorrection: command(undoCorrection.args.strict()),
  recordPayment: command(recordPayment.args.strict()),
  /** Every service's required checklist items; everyone may look. */
  checklistPolicies: query<ChecklistPolicyView[]>()(noArgs),
  /** Admins only: the mutator refuses anyone else, on the desktop and again on the server. */
  setChecklistPolicy: command(setChecklistPolicy.args.strict()),
  // Orders from a shop's spreadsheet (order-import-api.ts).
  ...orderImportApi,
} as const;
