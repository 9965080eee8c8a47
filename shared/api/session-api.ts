// Who is using the console, what they may do, the connection to the central server,
// conflicts to show, and the settings screen.
import { z } from 'zod';
import { historyDaysSchema } from '../protocol/sync-window';
import type { SlaPolicies } from '../domain/sla-policy';
import type { WorkingCalendar } from '../domain/working-calendar';
import type { Actor, UserRole } from '../domain/vocabulary';
import { command, idSchema, noArgs, query } from './define';
import type { OrderAction } from './orders-api';

export interface SessionView {
  /** null until the server has welcomed us once (or no server is configured). */
  user: { id: string; name: string; role: UserRole; warehouseId: string | null } | null;
  actor: Actor | null;
  /** What this role may do to orders in some status; the card narrows it per order. */
  actions: OrderAction[];
  /** Whether a server URL and token are configured at all. */
  configured: boolean;
  /** The SLA policies in force (admin edits over the defaults), for the live countdowns. */
  slaPolicies: SlaPolicies;
  /**
   * Each region's working calendar as an admin left it, by region id: a working-hours policy
   * turns amber and red by its order's region. A region missing here counts by the default.
   */
  calendars: Record<string, WorkingCalendar>;
}

export const CONNECTION_STATUSES = ['online', 'offline', 'catching_up'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export interface ConnectionView {
  status: ConnectionStatus;
  /** Local edits not yet acknowledged by the server. */
  pending: number;
  /** Last frame applied from the server (ms), null if never. */
  lastSyncAt: number | null;
  serverUrl: string | null;
  /** Why offline, when known ("unauthorized: wrong token", "connection refused"). */
  error: string | null;
}

/** A local edit the server rejected: the row went back to the server's state; the reason stays here until acknowledged. */
export interface ConflictView {
  id: string;
  mid: number;
  /** The mutation's name, e.g. 'assignDriver'. */
  name: string;
  orderId: string | null;
  orderNumber: string | null;
  /** The refusal's machine code ('assign_conflict', 'bad_args', ...): the console words it from this. */
  code: string;
  /** The refused field ("windowEnd", "regionId"), when the refusal names one. */
  field: string | null;
  /** The server's English sentence, for logs and diagnostics: never shown as it is. */
  message: string;
  at: number;
}

export const LANGUAGES = ['auto', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
/** Plain text, never HTML: the map shows it escaped (a settings value is not markup). */
export const DEFAULT_TILE_ATTRIBUTION = '© OpenStreetMap contributors';

export interface SettingsView {
  serverUrl: string | null;
  /** The token itself never goes back to the renderer. */
  hasToken: boolean;
  language: Language;
  /** Empty string: no tiles (the map still draws markers on a blank background). */
  tileUrl: string;
  /** Plain text (shown escaped, never as HTML). */
  tileAttribution: string;
  /** A Nominatim-compatible geocoder's base URL (its /search is asked); '' = the shipped gazetteer only. */
  geocoderUrl: string;
  /** The sync window: days of history this desktop keeps (at least LOCAL_REPORT_DAYS are kept). */
  historyDays: number;
  /** What started this console: 'embedded' = a demo server started by `npm start` / `--demo`. */
  serverMode: 'configured' | 'embedded' | 'none';
}

const serverUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((s) => /^(https?|wss?):\/\/[^\s]+$/.test(s), 'server URL must start with http://, https://, ws:// or wss://');

/** '' (none) or an http(s) base URL: the geocoder is asked over plain HTTP, never file: or data:. */
export const geocoderUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/.test(s), 'geocoder URL must start with http:// or https://');

export const settingsPatchSchema = z
  .object({
    serverUrl: serverUrlSchema.nullable().optional(),
    token: z.string().trim().min(1).max(500).nullable().optional(),
    language: z.enum(LANGUAGES).optional(),
    tileUrl: z.string().trim().max(500).optional(),
    tileAttribution: z.string().max(500).optional(),
    geocoderUrl: geocoderUrlSchema.optional(),
    historyDays: historyDaysSchema.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const sessionApi = {
  session: query<SessionView>()(noArgs),
  connectionState: query<ConnectionView>()(noArgs),
  listConflicts: query<ConflictView[]>()(noArgs),
  acknowledgeConflict: command(z.object({ id: idSchema }).strict()),
  getSettings: query<SettingsView>()(noArgs),
  /** Saves and, when server URL or token changed, reconnects the sync client. */
  setSettings: command(settingsPatchSchema),
  /** The main-side clock, so countdowns agree with the SLA queries (skew in the browser host). */
  now: query<{ now: number }>()(noArgs),
} as const;

