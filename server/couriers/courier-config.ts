// Courier integrations configuration: per provider its wire format, how it authenticates,
// whose hand its changes count as, and the mapping table from its status codes to ours.
// Shipped defaults live in courier-config.default.json; `--courier-config FILE` replaces them.
// Secrets are not meant for that file: MARSHRUT_WEBHOOK_SECRET_<PROVIDER> (env) wins over it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ORDER_STATUSES, PROBLEM_REASONS, SUB_MARKS } from '../../shared/domain/vocabulary';
// Imported rather than read from disk, so a bundled server (the desktop's demo mode) has it too.
import shippedDefaults from './courier-config.default.json';

/**
 * What one provider code does to our order:
 * - {status, subMark?, reason?}: move the order to that status (sub-mark with in_transit,
 *   reason with problem);
 * - {subMark}: set the in-transit sub-mark only;
 * - "comment": write the provider's status on the order's timeline, change nothing else;
 * - "ignore": store the webhook, do nothing.
 */
export const mappingActionSchema = z.union([
  z.enum(['comment', 'ignore']),
  z
    .strictObject({
      status: z.enum(ORDER_STATUSES).optional(),
      subMark: z.enum(SUB_MARKS).optional(),
      reason: z.enum(PROBLEM_REASONS).optional(),
    })
    .refine((a) => a.status !== undefined || a.subMark !== undefined, 'give a status or a subMark'),
]);
export type MappingAction = z.infer<typeof mappingActionSchema>;

export const PROVIDER_FORMATS = ['cdek', 'traccar', 'generic'] as const;
export type ProviderFormat = (typeof PROVIDER_FORMATS)[number];

const authSchema = z.discriminatedUnion('type', [
  /**
   * A shared token in `X-Webhook-Token` or `Authorization: Bearer`; also `?token=` when
   * `query` is true, for providers that can only be given a URL (CDEK). Query tokens end up in
   * access logs, so the others may not use them.
   */
  z.strictObject({ type: z.literal('token'), secret: z.string().min(1).optional(), query: z.boolean().default(false) }),
  /** HMAC-SHA256 of the raw body, hex (optionally `sha256=`-prefixed), in `header`. */
  z.strictObject({
    type: z.literal('hmac'),
    secret: z.string().min(1).optional(),
    header: z.string().min(1).default('x-marshrut-signature'),
  }),
]);

/**
 * Creating shipments through the provider's own API (issue 16): today CDEK's order API v2.
 * Credentials come from MARSHRUT_COURIER_API_<KEY>_CLIENT_ID / _CLIENT_SECRET (or the file);
 * MARSHRUT_COURIER_API_<KEY>_URL overrides baseUrl (the test server, or a local stand-in).
 */
export const courierApiSchema = z.strictObject({
  type: z.literal('cdek'),
  baseUrl: z.url(),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  /** CDEK tariff code for new shipments (e.g. 139 door-to-door parcel). */
  tariffCode: z.number().int().positive(),
  /** 1 online shop, 2 delivery (CDEK's order types). */
  orderType: z.union([z.literal(1), z.literal(2)]).default(2),
  /** A CDEK office the parcels are dropped at; without it CDEK collects from the pickup address. */
  shipmentPoint: z.string().min(1).max(32).optional(),
  sender: z.strictObject({ company: z.string().min(1).max(255), name: z.string().min(1).max(255), phone: z.string().min(1).max(32) }).optional(),
  /** How often to ask for the CDEK number of a registered order. */
  pollSeconds: z.number().int().min(1).max(3600).default(30),
});
export type CourierApiConfig = z.infer<typeof courierApiSchema>;

export const providerConfigSchema = z.strictObject({
  /** Shown on the timeline: "CDEK". */
  name: z.string().min(1),
  format: z.enum(PROVIDER_FORMATS),
  /** Whose hand the changes count as in the status machine. */
  actor: z.enum(['courier', 'driver']).default('courier'),
  auth: authSchema,
  /** Provider code -> action. Lookup: the code, then "prefix:*" (codes like return:DELIVERED), then "*". */
  mapping: z.record(z.string(), mappingActionSchema).default({}),
  /** Provider reason code -> our problem reason (CDEK status_reason_code). */
  reasons: z.record(z.string(), z.enum(PROBLEM_REASONS)).default({}),
  /** Older numeric status codes -> letter codes (CDEK status_code). */
  statusCodes: z.record(z.string(), z.string()).default({}),
  api: courierApiSchema.optional(),
});
export type ProviderConfig = z.infer<typeof providerConfigSchema>;

export const courierConfigSchema = z.strictObject({
  providers: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'provider keys are lower-case words: cdek, driver-app'), providerConfigSchema),
});
export type CourierConfig = z.infer<typeof courierConfigSchema>;

/**
 * Reads and checks a configuration file (the shipped defaults without a path); a bad file is
 * a start-up error that says where it is wrong.
 */
export function loadCourierConfig(path?: string): CourierConfig {
  let json: unknown = shippedDefaults;
  if (path !== undefined) {
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(`Courier config ${path} is not readable JSON: ${(e as Error).message}`, { cause: e });
    }
  }
  const r = courierConfigSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`Courier config ${path ?? '(shipped defaults)'} is invalid at "${issue?.path.join('.') ?? ''}": ${issue?.message ?? ''}`);
  }
  return r.data;
}

/** The provider's secret: env MARSHRUT_WEBHOOK_SECRET_<KEY> first, then the file. */
export function providerSecret(key: string, cfg: ProviderConfig, env: NodeJS.ProcessEnv): string | null {
  const name = `MARSHRUT_WEBHOOK_SECRET_${key.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  const fromEnv = env[name];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return cfg.auth.secret ?? null;
}

/**
 * `table[key]` when `key` is the table's own key, else undefined. Keys come from URLs and
 * providers' bodies: `constructor`, `__proto__` or `toString` must find nothing, not
 * Object.prototype's members.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The action for a code: exact, then "prefix:*", then "*"; null when the table doesn't say. */
export function lookupAction(cfg: ProviderConfig, code: string): MappingAction | null {
  const exact = ownEntry(cfg.mapping, code);
  if (exact !== undefined) return exact;
  const colon = code.indexOf(':');
  if (colon > 0) {
    const prefixed = ownEntry(cfg.mapping, `${code.slice(0, colon)}:*`);
    if (prefixed !== undefined) return prefixed;
  }
  return ownEntry(cfg.mapping, '*') ?? null;
}

/** The API credentials of a provider: env first, then the file; null when the API is off. */
export function courierApiCredentials(key: string, api: CourierApiConfig, env: NodeJS.ProcessEnv): { baseUrl: string; clientId: string; clientSecret: string } | null {
  const prefix = `MARSHRUT_COURIER_API_${key.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  const pick = (name: string, fallback: string | undefined) => {
    const v = env[`${prefix}_${name}`];
    return v !== undefined && v !== '' ? v : fallback;
  };
  const clientId = pick('CLIENT_ID', api.clientId);
  const clientSecret = pick('CLIENT_SECRET', api.clientSecret);
  if (clientId === undefined || clientSecret === undefined) return null;
  return { baseUrl: pick('URL', api.baseUrl) ?? api.baseUrl, clientId, clientSecret };
}
