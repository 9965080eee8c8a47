// Carrier database (issue 6): the ranked search a logistician runs for a freight request, the
// carrier card, edits (each one a sync mutation), spreadsheet import (read -> map -> preview ->
// commit) and export of the current results. Search runs as SQL on the replica in main.
import { z } from 'zod';
import type { ImportFileOf } from './import-file';
import { VEHICLE_TYPES } from '../domain/vocabulary';
import type { SecurityCheckState } from '../domain/vocabulary';
import type { CarrierFlag, RankReason } from '../carriers/rank-carriers';
import type { VehicleFacts } from '../carriers/vehicle-match';
import type { CarrierDealRow, CarrierLaneRow, CarrierOfferRow, CarrierRow, CarrierVehicleRow } from '../schema';
import { CARRIER_IMPORT_FIELDS, type CarrierImportField } from '../carriers/import-fields';
import type { ImportProblem } from '../carriers/import-problems';
import {
  blacklistArgs,
  carrierFields,
  dealFields,
  laneFields,
  offerFields,
  securityCheckArgs,
  vehicleFields,
} from '../carriers/carrier-args';
import { command, epochMsSchema, idSchema, noArgs, query, type MethodSpec } from './define';

const cityFilter = z.string().trim().max(128).optional();

/** An ADR class as written on permits: "3", "2.1", "6.1". */
export const adrClassSchema = z.string().trim().regex(/^[1-9](\.\d)?$/, 'an ADR class like 3 or 2.1');

export const carrierFiltersSchema = z
  .object({
    /** Loading city; alone it means "any direction from here". */
    fromCity: cityFilter,
    /** Unloading city; alone it means "any direction to here". */
    toCity: cityFilter,
    vehicleType: z.enum(VEHICLE_TYPES).optional(),
    minTonnage: z.number().nonnegative().max(200).optional(),
    minVolumeM3: z.number().nonnegative().max(500).optional(),
    refrigerated: z.boolean().optional(),
    /** A vehicle permitted to carry this hazardous-goods class. */
    adrClass: adrClassSchema.optional(),
    oversize: z.boolean().optional(),
    /** Only carriers that passed the security check. */
    securityPassed: z.boolean().optional(),
    /** Free (or becoming free) by this date (ms): available_from unset or not later. */
    availableBy: epochMsSchema.optional(),
    /** Name, tax id, phone (any format), contact person, notes; prefixes, Cyrillic or Latin. */
    text: z.string().max(200).optional(),
  })
  .strict();
export type CarrierFilters = z.infer<typeof carrierFiltersSchema>;

export const searchCarriersSchema = carrierFiltersSchema
  .extend({
    offset: z.number().int().nonnegative().max(100_000).default(0),
    limit: z.number().int().positive().max(500).default(50),
  })
  .strict();
export type SearchCarriersRequest = z.input<typeof searchCarriersSchema>;

/** A vehicle in the result list: the facts the requirement is matched against, with its id and plate. */
export interface VehicleSummary extends VehicleFacts {
  id: string;
  plate: string;
}

export interface LaneRate {
  kind: 'deal' | 'offer';
  rate: number;
  currency: string;
  at: number;
  fromCity: string;
  toCity: string;
}

export interface CarrierSearchResult {
  id: string;
  name: string;
  taxId: string;
  phone: string;
  /** Canonical digits (77011234567), for the tel: link. */
  phoneNormalized: string;
  email: string | null;
  contactPerson: string;
  baseCity: string;
  currentCity: string | null;
  availableFrom: number | null;
  rating: number;
  securityCheck: SecurityCheckState;
  securityCheckedAt: number | null;
  blacklisted: boolean;
  /** Why this carrier is where it is in the list. */
  reason: RankReason;
  flags: CarrierFlag[];
  /** Share of finished deals without problems, null when none. */
  reliability: number | null;
  dealsOk: number;
  dealsProblem: number;
  /** The latest rate on the searched direction (deal or offer), null without a direction or data. */
  lastRate: LaneRate | null;
  /** Vehicles that match the vehicle filters (all of them when there are none), up to 5. */
  vehicles: VehicleSummary[];
  vehiclesMatching: number;
}

export interface CarrierSearchResponse {
  results: CarrierSearchResult[];
  /** More carriers match after this page (countCarriers says how many). */
  hasMore: boolean;
  offset: number;
  /** The cities as the replica spells them, when the typed ones were resolved ("almaty" -> "Алматы"). */
  fromCity: string | null;
  toCity: string | null;
  /** Time spent in main, for the status line. */
  tookMs: number;
}

export interface CarrierCount {
  total: number;
  /** More than `total` match; counting stopped there. */
  capped: boolean;
}

export interface CarrierCard {
  carrier: CarrierRow;
  vehicles: CarrierVehicleRow[];
  lanes: CarrierLaneRow[];
  /** Newest first, up to 200. */
  offers: CarrierOfferRow[];
  /** Newest first, up to 200. */
  deals: CarrierDealRow[];
  offersTotal: number;
  dealsTotal: number;
  dealsOk: number;
  dealsProblem: number;
  reliability: number | null;
  flags: CarrierFlag[];
}

// ---------- edits (each is the sync mutation of the same name, shared/mutators/carriers.ts) ----------
// The API checks the same field schemas as the mutators (shared/carriers/carrier-args.ts), strictly:
// a field the renderer misspells is an error here, not silently ignored.

// ---------- import ----------

export const IMPORT_DUPLICATE_ACTIONS = ['skip', 'update'] as const;
export type ImportDuplicateAction = (typeof IMPORT_DUPLICATE_ACTIONS)[number];

/** Spreadsheet column index (0-based) for each field; a field left out is not imported. */
export const importMappingSchema = z.partialRecord(z.enum(CARRIER_IMPORT_FIELDS), z.number().int().nonnegative().max(500).nullable());
export type ImportMapping = Partial<Record<CarrierImportField, number | null>>;

/** Files up to 10 MB; base64 grows that by a third. */
const fileBase64 = z.string().min(1).max(14_000_000);

export type ImportFileInfo = ImportFileOf<ImportMapping>;

export type ImportRowStatus = 'new' | 'duplicate' | 'rejected';

export interface ImportRowView {
  /** Row number in the spreadsheet (1-based, header row included), as the user sees it. */
  rowNumber: number;
  status: ImportRowStatus;
  /** Why rejected, as codes the renderer words in the user's language; empty otherwise. */
  problems: ImportProblem[];
  name: string;
  taxId: string;
  phone: string;
  city: string;
  /** Set for duplicates: the carrier (already in the base, or an earlier row) it matches. */
  duplicateOf: { carrierId: string | null; rowNumber: number | null; name: string; by: 'tax_id' | 'phone' } | null;
}

export interface ImportPreview {
  importId: string;
  counts: Record<ImportRowStatus, number>;
  /** Every rejected and duplicate row, and the first new ones (up to 500 rows in all). */
  rows: ImportRowView[];
}

export interface ImportReport {
  created: number;
  updated: number;
  skippedDuplicates: ImportRowView[];
  rejected: ImportRowView[];
  /** Mutation ids queued (one per batch of carriers). */
  mids: number[];
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
  rows: number;
}

/** A command whose answer is more than ok/mid (the import report); it still only mutates via sync. */
function commandWith<Res>() {
  return <Req extends z.ZodType>(request: Req): MethodSpec<Req, Res> => ({ kind: 'command', request });
}

export const carriersApi = {
  searchCarriers: query<CarrierSearchResponse>()(searchCarriersSchema),
  /** How many carriers match (up to 1,000): a separate call, so the list never waits for it. */
  countCarriers: query<CarrierCount>()(carrierFiltersSchema),
  /** Every city the carrier base knows (lanes, offers, deals, locations), for the filter fields. */
  carrierCities: query<string[]>()(noArgs),
  /** null when the carrier does not exist. */
  getCarrier: query<CarrierCard | null>()(z.object({ carrierId: idSchema }).strict()),

  createCarrier: command(carrierFields.strict()),
  editCarrier: command(z.object({ carrierId: idSchema, patch: carrierFields.partial().strict() }).strict()),
  setCarrierSecurityCheck: command(securityCheckArgs.strict()),
  setCarrierBlacklisted: command(blacklistArgs.strict()),
  addCarrierVehicle: command(vehicleFields.extend({ carrierId: idSchema }).strict()),
  editCarrierVehicle: command(z.object({ vehicleId: idSchema, patch: vehicleFields.partial().strict() }).strict()),
  removeCarrierVehicle: command(z.object({ vehicleId: idSchema }).strict()),
  addCarrierLane: command(laneFields.extend({ carrierId: idSchema }).strict()),
  removeCarrierLane: command(z.object({ laneId: idSchema }).strict()),
  addCarrierOffer: command(offerFields.strict()),
  recordCarrierDeal: command(dealFields.strict()),

  /** Step 1: parse the file (XLSX or CSV) and guess the column mapping. */
  readCarrierImportFile: query<ImportFileInfo>()(z.object({ fileName: z.string().trim().min(1).max(256), dataBase64: fileBase64 }).strict()),
  /** Step 2: validate every row with this mapping; duplicates by tax id or phone. Changes nothing. */
  previewCarrierImport: query<ImportPreview>()(z.object({ importId: idSchema, mapping: importMappingSchema }).strict()),
  /** Step 3: queue the new (and, with 'update', the duplicate) rows as sync mutations. */
  commitCarrierImport: commandWith<ImportReport>()(
    z.object({ importId: idSchema, mapping: importMappingSchema, duplicates: z.enum(IMPORT_DUPLICATE_ACTIONS).default('skip') }).strict(),
  ),
  /** The current search (all pages, up to 10,000 carriers) as an XLSX file. */
  exportCarriers: query<ExportFile>()(carrierFiltersSchema.extend({ language: z.enum(['ru', 'en']).default('ru') }).strict()),
} as const;
