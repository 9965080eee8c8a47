// The fields of carrier edits, one zod schema each, shared by the typed API (renderer -> main)
// and the sync mutators (client and server), so an edit is checked the same way everywhere.
import { z } from 'zod';
import { DEAL_OUTCOMES, SECURITY_CHECK_STATES, VEHICLE_TYPES, type UserRole } from '../domain/vocabulary';

/** Who edits the carrier base (the mutators add the system); the UI hides edits from others. */
export const CARRIER_EDITOR_ROLES = ['logistician', 'supervisor', 'admin'] as const satisfies readonly UserRole[];

export const carrierIdSchema = z.string().min(1).max(128);
const text = (max: number) => z.string().trim().max(max);
export const CITY_MAX_CHARS = 128;
export const citySchema = z.string().trim().min(1).max(CITY_MAX_CHARS);
const currencySchema = z.string().trim().length(3).toUpperCase();
const epochMs = z.number().int().nonnegative();

/** ADR classes as written on permits, comma separated: "2,3,8", "2.1,3"; empty when none. */
export const adrClassesSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^$|^[1-9](\.\d)?(,[1-9](\.\d)?)*$/, 'ADR classes like "2,3,8"'));

export const carrierFields = z.object({
  name: z.string().trim().min(1).max(256),
  /** BIN/IIN or INN; checked (check digits) when set or changed. */
  taxId: text(32).optional(),
  phone: text(64).optional(),
  email: z.email().max(256).nullable().optional(),
  contactPerson: text(256).optional(),
  baseCity: text(128).optional(),
  /** Current or announced location; with availableFrom in the future it is announced. */
  currentCity: text(128).nullable().optional(),
  currentLat: z.number().min(-90).max(90).nullable().optional(),
  currentLon: z.number().min(-180).max(180).nullable().optional(),
  availableFrom: epochMs.nullable().optional(),
  rating: z.number().min(0).max(5).optional(),
  securityCheck: z.enum(SECURITY_CHECK_STATES).optional(),
  blacklisted: z.boolean().optional(),
  notes: text(4000).optional(),
});
export type CarrierFields = z.output<typeof carrierFields>;

export const vehicleFields = z.object({
  type: z.enum(VEHICLE_TYPES),
  tonnage: z.number().positive().max(200),
  volumeM3: z.number().nonnegative().max(500).optional(),
  refrigerated: z.boolean().optional(),
  adrClasses: adrClassesSchema.optional(),
  oversize: z.boolean().optional(),
  plate: text(32).optional(),
});
export type VehicleFields = z.output<typeof vehicleFields>;

export const laneFields = z.object({ fromCity: citySchema, toCity: citySchema });

export const offerFields = z.object({
  carrierId: carrierIdSchema,
  fromCity: citySchema,
  toCity: citySchema,
  vehicleType: z.enum(VEHICLE_TYPES).nullable().optional(),
  rate: z.number().positive().max(1e10),
  currency: currencySchema.optional(),
  /** When the carrier made the offer; defaults to the time of the edit. */
  offeredAt: epochMs.optional(),
});

export const dealFields = z.object({
  carrierId: carrierIdSchema,
  orderId: carrierIdSchema.nullable().optional(),
  fromCity: citySchema,
  toCity: citySchema,
  vehicleType: z.enum(VEHICLE_TYPES).nullable().optional(),
  rate: z.number().positive().max(1e10),
  currency: currencySchema.optional(),
  outcome: z.enum(DEAL_OUTCOMES),
  note: text(4000).optional(),
  dealAt: epochMs.optional(),
});

export const securityCheckArgs = z.object({
  carrierId: carrierIdSchema,
  state: z.enum(SECURITY_CHECK_STATES),
  /** Appended to the carrier's notes with the date, so the reason stays on the card. */
  note: text(2000).optional(),
});

export const blacklistArgs = z.object({
  carrierId: carrierIdSchema,
  blacklisted: z.boolean(),
  reason: text(2000).optional(),
});

/** Directions one imported row may declare. */
export const MAX_IMPORT_LANES = 30;
export const importLanes = z.array(laneFields).max(MAX_IMPORT_LANES);

/** One spreadsheet row for the bulk import mutator: a carrier, maybe a vehicle and lanes. */
export const importRowArgs = z.object({
  /** Update this carrier (a duplicate the user chose to update) instead of creating one. */
  existingId: carrierIdSchema.optional(),
  carrier: carrierFields,
  vehicle: vehicleFields.optional(),
  lanes: importLanes.optional(),
});
export type ImportRowArgs = z.output<typeof importRowArgs>;

/** Rows per importCarriers mutation: a push frame carries at most 1,000 mutations of this size. */
export const IMPORT_BATCH_SIZE = 200;

export const importCarriersArgs = z.object({
  /** The file name, for the notes of updated carriers and the audit trail. */
  source: z.string().trim().min(1).max(256),
  rows: z.array(importRowArgs).min(1).max(IMPORT_BATCH_SIZE),
});
