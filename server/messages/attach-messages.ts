// Plugs customer communication into a running server (like attachAlerts / attachGps):
// learned speeds and predicted arrivals, tracking links and the public /t/<token> page, the
// message triggers (a mutation hook: queued in the same transaction as their cause), the
// prediction watch (arriving soon, predicted delay), the sender, the Telegram webhook, and
// `trackingUrl` + `predictedArrival` on GET /api/orders/:number.
import type { MessageChannel } from '../../shared/messages/message-vocabulary';
import type { OrderRow, TrackingLinkRow } from '../../shared/schema';
import { ArrivalService } from '../eta/arrival-service';
import { SpeedLearner } from '../eta/speed-learner';
import { attachDailySummary, type DailySummary } from '../reports/daily-summary';
import type { MarshrutServer } from '../server';
import { mountTrackingRoutes } from '../tracking/tracking-routes';
import type { Channel } from './channel';
import { MessageSender } from './message-sender';
import { makeMessageHook, type TriggerDeps } from './message-triggers';
import { loadMessagesConfig, type MessagesConfig } from './messages-config';
import { PredictionWatch } from './prediction-watch';
import { SmsGateway } from './sms-gateway';
import { SmtpChannel } from './smtp-channel';
import { TelegramChannel } from './telegram-channel';
import { StaffNotifier } from './staff-notify';
import { mountTelegramWebhook } from './telegram-webhook';

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export interface AttachMessagesOptions {
  /** JSON settings file (`--messages-config`). */
  configFile?: string;
  /** Environment to read MARSHRUT_* settings from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The server's public origin (`--public-url`); MARSHRUT_PUBLIC_URL or the file win over it. */
  publicUrl?: string;
  /** A ready config (tests); replaces file and environment. */
  config?: MessagesConfig;
  clock?: () => number;
  senderIntervalMs?: number;
  watchIntervalMs?: number;
  learnIntervalMs?: number;
  /** How often the daily summary looks whether it is due (default 30 s). */
  dailySummaryIntervalMs?: number;
  /** Tile URL for the tracking page's map; null: none (grey background). */
  tileUrl?: string | null;
  trackingPerMinute?: number;
  trackingBurst?: number;
}

export interface AttachedMessages {
  config: MessagesConfig;
  learner: SpeedLearner;
  arrival: ArrivalService;
  sender: MessageSender;
  watch: PredictionWatch;
  /** Staff notices of new alerts: `alerts.onRecorded((tx, a, now) => staff.queue(tx, a, now))`. */
  staff: StaffNotifier;
  /** The supervisors' daily summary by e-mail (server/reports/daily-summary.ts), over the same SMTP settings. */
  dailySummary: DailySummary;
}

export function attachMessages(server: MarshrutServer, opts: AttachMessagesOptions = {}): AttachedMessages {
  const clock = opts.clock ?? Date.now;
  const log = server.logger.child({ component: 'messages' });
  const config = opts.config ?? loadMessagesConfig(opts.configFile, opts.env ?? process.env, opts.publicUrl ?? server.url);
  const { sqlite } = server.db;

  const learner = new SpeedLearner(sqlite, server.engine, clock);
  try {
    learner.run();
  } catch (e) {
    log.error({ err: e }, 'learning speeds failed');
  }
  const arrival = new ArrivalService(sqlite, server.engine.tables, learner, (d) => server.positionOf(d));

  const channels: Partial<Record<MessageChannel, Channel>> = {};
  if (config.sms !== null) channels.sms = new SmsGateway(config.sms.gateway, config.sms.credentials);
  if (config.smtp !== null) channels.email = new SmtpChannel(config.smtp);
  const telegram = config.telegram === null ? null : new TelegramChannel({ apiBase: config.telegram.apiBase, token: config.telegram.token });
  if (telegram !== null) channels.telegram = telegram;

  const deps: TriggerDeps = {
    publicUrl: config.publicUrl,
    channels: new Set(Object.keys(channels) as MessageChannel[]),
    predict: (order, now) => arrival.predict(order, now),
  };
  server.engine.addMutationHook(makeMessageHook(deps));

  // Its closer is registered first, so it stops before the sender closes the SMTP channel.
  const dailySummary = attachDailySummary(server, channels.email ?? null, clock, opts.dailySummaryIntervalMs);
  const sender = new MessageSender({ sqlite, engine: server.engine, channels, clock, log, ...(opts.senderIntervalMs === undefined ? {} : { intervalMs: opts.senderIntervalMs }) });
  sender.start();
  const watch = new PredictionWatch(sqlite, server.engine, deps, clock, log);
  const staff = new StaffNotifier(sqlite, server.engine, deps.channels, log);
  watch.start(opts.watchIntervalMs ?? 30_000);
  const learnTimer = setInterval(() => {
    try {
      learner.run();
    } catch (e) {
      log.error({ err: e }, 'learning speeds failed');
    }
  }, opts.learnIntervalMs ?? 10 * 60_000);
  learnTimer.unref();

  const tracking = mountTrackingRoutes(server, {
    arrival,
    clock,
    tileUrl: opts.tileUrl === undefined ? DEFAULT_TILE_URL : opts.tileUrl,
    ...(opts.trackingPerMinute === undefined ? {} : { perMinute: opts.trackingPerMinute }),
    ...(opts.trackingBurst === undefined ? {} : { burst: opts.trackingBurst }),
  });
  const webhook = telegram !== null && config.telegram?.secret ? mountTelegramWebhook(server, config.telegram.secret, telegram, clock, log) : null;

  const linkOf = sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM tracking_links WHERE id = ?');
  server.setOrderExtras((order: OrderRow) => {
    const record = linkOf.get(order.id);
    const link = record === undefined ? null : (server.engine.tables.tracking_links.codec.fromRecord(record) as TrackingLinkRow);
    return { trackingUrl: link?.url ?? null, predictedArrival: arrival.predict(order, clock()) };
  });

  server.addHealth('messages', () => ({
    channels: [...deps.channels],
    pending: sender.pendingCount(),
    sender: sender.counters,
    watch: watch.counters,
    staff: staff.counters,
    speeds: learner.lastRun,
    tracking: tracking.counters,
    telegram: webhook,
  }));
  server.onClose(async () => {
    clearInterval(learnTimer);
    watch.stop();
    await sender.stop();
  });
  return { config, learner, arrival, sender, watch, staff, dailySummary };
}
