// Plugs courier webhooks into a running server: the webhook route, the inbox processor
// (pending rows left by a crash are processed at start), and a /health section.
import type { MarshrutServer } from '../server';
import type { GpsFix } from '../gps/gps-fix';
import { CdekApiClient } from './cdek-api-client';
import { courierApiCredentials, loadCourierConfig, providerSecret, type CourierConfig } from './courier-config';
import { CourierShipments, type ShipmentProvider } from './courier-shipments';
import { newCourierCounters, type CourierCounters } from './courier-counters';
import { CourierInbox, type ReviewView } from './courier-inbox';
import { CourierProcessor } from './courier-processor';
import { OrderLookup } from './order-lookup';
import { mountCourierReview } from './review-route';
import { webhookRoute } from './webhook-route';
import { sendJson } from '../http/router';
import { courierProviderSchema } from '../../shared/mutators/handover';

/** The secret demo mode gives every provider that has none, so the simulator can post. */
export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret';

export interface AttachCouriersOptions {
  /** Configuration file (default: the shipped courier-config.default.json). */
  configFile?: string;
  config?: CourierConfig;
  env?: NodeJS.ProcessEnv;
  /** Providers without a configured secret get DEMO_WEBHOOK_SECRET. */
  demo?: boolean;
  clock?: () => number;
  /** GPS ingest for positions forwarded by Traccar (attachGps(...).ingest). */
  gps?: { ingest(fix: GpsFix, receivedAt: number): unknown } | null;
  /** How often shipment requests to providers' APIs are looked for (ms); 0: never on a timer (tests call tick). */
  shipmentsEveryMs?: number;
}

export interface AttachedCouriers {
  counters: CourierCounters;
  processor: CourierProcessor;
  openReviews(): ReviewView[];
  /** Shipments created through providers' APIs (issue 16). */
  shipments: CourierShipments;
}

export function attachCouriers(server: MarshrutServer, opts: AttachCouriersOptions = {}): AttachedCouriers {
  const clock = opts.clock ?? Date.now;
  const log = server.logger.child({ component: 'couriers' });
  const config = opts.config ?? loadCourierConfig(opts.configFile);
  const env = opts.env ?? process.env;
  const secrets: Record<string, string | null> = {};
  for (const [key, cfg] of Object.entries(config.providers)) {
    secrets[key] = providerSecret(key, cfg, env) ?? (opts.demo === true ? DEMO_WEBHOOK_SECRET : null);
    if (secrets[key] === null) log.warn({ provider: key, env: `MARSHRUT_WEBHOOK_SECRET_${key.toUpperCase().replace(/[^A-Z0-9]/g, '_')}` }, 'webhook has no secret configured: it accepts nothing');
  }
  const counters = newCourierCounters();
  const inbox = new CourierInbox(server.db.sqlite);
  const lookup = new OrderLookup(server.db.sqlite);
  const processor = new CourierProcessor(inbox, lookup, config, (n, a, actor, at) => server.runMutation(n, a, actor, at), counters, clock, log);
  const gps = opts.gps ?? null;
  server.addRoute(
    webhookRoute({
      config,
      secrets,
      inbox,
      lookup,
      processor,
      counters,
      clock,
      ingestFix: gps === null ? null : (fix, at) => void gps.ingest(fix, at),
    }),
  );
  server.addHealth('couriers', () => ({ ...counters, openReviews: inbox.openReviews().length }));
  const review = mountCourierReview(server, { sqlite: server.db.sqlite, inbox, lookup, processor, config, clock });
  server.addHealth('courierReview', () => review.counters.snapshot());
  processor.processPending();

  const apiProviders: ShipmentProvider[] = [];
  for (const [key, cfg] of Object.entries(config.providers)) {
    if (cfg.api === undefined) continue;
    const creds = courierApiCredentials(key, cfg.api, env);
    if (creds === null) log.warn({ provider: key }, 'courier API has no credentials: shipments must be handed over with their number');
    apiProviders.push({ key, name: cfg.name, api: cfg.api, client: creds === null ? null : new CdekApiClient(creds, clock) });
  }
  // The courier services a desk may hand a parcel to (issue 16): not device feeds (Traccar)
  // and not the driver app, whose changes count as a driver's. Every user token reads it;
  // shops' integration tokens get 403 like on any route that does not say otherwise.
  const parcelProviders = Object.entries(config.providers)
    .filter(([key, cfg]) => cfg.format !== 'traccar' && cfg.actor === 'courier' && courierProviderSchema.safeParse(key).success)
    .map(([key, cfg]) => ({ key, name: cfg.name, api: apiProviders.some((p) => p.key === key && p.client !== null) }));
  server.addRoute({ method: 'GET', path: '/api/couriers/providers', handler: ({ res }) => sendJson(res, 200, parcelProviders) });
  const system = (name: string, args: unknown, actor: Parameters<typeof server.runMutation>[2]) => server.runMutation(name, args, actor, clock());
  const shipments = new CourierShipments(server.db.sqlite, apiProviders, system, clock, log);
  shipments.recoverInterrupted();
  const every = opts.shipmentsEveryMs ?? 2000;
  if (every > 0) shipments.start(every);
  server.onClose(() => shipments.stop());
  server.addHealth('courierShipments', () => ({ ...shipments.counters }));
  return { counters, processor, openReviews: () => inbox.openReviews(), shipments };
}
