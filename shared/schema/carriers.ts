// The carrier database: companies, their vehicles, the lanes they run, offers and past deals.
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DEAL_OUTCOMES, SECURITY_CHECK_STATES, VEHICLE_TYPES } from '../domain/vocabulary';

export const carriers = sqliteTable(
  'carriers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** BIN (Kazakhstan) or INN (Russia). */
    taxId: text('tax_id').notNull().default(''),
    phone: text('phone').notNull().default(''),
    /** Digits only, leading 8 turned into 7: what phone search and duplicate checks compare. */
    phoneNormalized: text('phone_normalized').notNull().default(''),
    email: text('email'),
    contactPerson: text('contact_person').notNull().default(''),
    baseCity: text('base_city').notNull().default(''),
    currentCity: text('current_city'),
    currentLat: real('current_lat'),
    currentLon: real('current_lon'),
    availableFrom: integer('available_from'),
    rating: real('rating').notNull().default(0),
    securityCheck: text('security_check', { enum: SECURITY_CHECK_STATES }).notNull().default('pending'),
    securityCheckedAt: integer('security_checked_at'),
    blacklisted: integer('blacklisted', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('carriers_tax_idx').on(t.taxId),
    index('carriers_phone_idx').on(t.phoneNormalized),
    // Carrier search (issue 6): "at or announced near the loading city", soonest available first,
    // and the no-direction ranking by rating.
    index('carriers_current_city_idx').on(t.currentCity, t.availableFrom),
    index('carriers_rating_idx').on(t.rating),
    // "A carrier's home city counts as a loading city" (issue 13): carriers based at or near
    // the loading city, best rated first.
    index('carriers_base_city_idx').on(t.baseCity, t.rating),
  ],
);

export const carrierVehicles = sqliteTable(
  'carrier_vehicles',
  {
    id: text('id').primaryKey(),
    carrierId: text('carrier_id').notNull(),
    type: text('type', { enum: VEHICLE_TYPES }).notNull(),
    tonnage: real('tonnage').notNull(),
    volumeM3: real('volume_m3').notNull().default(0),
    refrigerated: integer('refrigerated', { mode: 'boolean' }).notNull().default(false),
    /** ADR classes permitted, comma separated ("2,3,8"); empty when none. */
    adrClasses: text('adr_classes').notNull().default(''),
    oversize: integer('oversize', { mode: 'boolean' }).notNull().default(false),
    plate: text('plate').notNull().default(''),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('carrier_vehicles_carrier_idx').on(t.carrierId),
    // Covers the carrier search's vehicle check (one vehicle meeting every requirement), so the
    // check reads the index alone, never the table.
    index('carrier_vehicles_match_idx').on(t.carrierId, t.type, t.tonnage, t.volumeM3, t.refrigerated, t.oversize, t.adrClasses),
  ],
);

export const carrierLanes = sqliteTable(
  'carrier_lanes',
  {
    id: text('id').primaryKey(),
    carrierId: text('carrier_id').notNull(),
    fromCity: text('from_city').notNull(),
    toCity: text('to_city').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('carrier_lanes_dir_idx').on(t.fromCity, t.toCity),
    index('carrier_lanes_carrier_idx').on(t.carrierId),
  ],
);

export const carrierOffers = sqliteTable(
  'carrier_offers',
  {
    id: text('id').primaryKey(),
    carrierId: text('carrier_id').notNull(),
    fromCity: text('from_city').notNull(),
    toCity: text('to_city').notNull(),
    vehicleType: text('vehicle_type', { enum: VEHICLE_TYPES }),
    rate: real('rate').notNull(),
    currency: text('currency').notNull().default('KZT'),
    offeredAt: integer('offered_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('carrier_offers_dir_idx').on(t.fromCity, t.toCity, t.offeredAt),
    index('carrier_offers_carrier_idx').on(t.carrierId),
  ],
);

export const carrierDeals = sqliteTable(
  'carrier_deals',
  {
    id: text('id').primaryKey(),
    carrierId: text('carrier_id').notNull(),
    orderId: text('order_id'),
    fromCity: text('from_city').notNull(),
    toCity: text('to_city').notNull(),
    vehicleType: text('vehicle_type', { enum: VEHICLE_TYPES }),
    rate: real('rate').notNull(),
    currency: text('currency').notNull().default('KZT'),
    dealAt: integer('deal_at').notNull(),
    outcome: text('outcome', { enum: DEAL_OUTCOMES }).notNull(),
    note: text('note').notNull().default(''),
    /** A deal made from an order's card (issue 16): the vehicle, loading time and contact agreed. */
    vehicleId: text('vehicle_id'),
    loadingAt: integer('loading_at'),
    contact: text('contact'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('carrier_deals_order_idx').on(t.orderId),
    index('carrier_deals_dir_idx').on(t.fromCity, t.toCity, t.dealAt),
    index('carrier_deals_carrier_idx').on(t.carrierId),
  ],
);

export type CarrierRow = typeof carriers.$inferSelect;
export type CarrierVehicleRow = typeof carrierVehicles.$inferSelect;
export type CarrierLaneRow = typeof carrierLanes.$inferSelect;
export type CarrierOfferRow = typeof carrierOffers.$inferSelect;
export type CarrierDealRow = typeof carrierDeals.$inferSelect;
