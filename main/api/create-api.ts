// One API for both hosts: handlers for every method of the contract over the replica and the
// sync client, and `dispatch`, which validates every call's arguments with the method's schema
// before any handler runs. Hosts only move (method, args) in and the Reply out.
import { silentLogger, type Logger } from '../../platform/log/logger';
import { CONSOLE_START_REQUESTS } from '../../shared/api/console-start';
import { API_METHODS, type ApiHandlers, type CarrierMethodName, type MethodName } from '../../shared/api/contract';
import type { Reply } from '../../shared/api/wire';
import { roleToActor } from '../../shared/domain/order-status';
import type { Actor } from '../../shared/domain/vocabulary';
import type { ReadonlyReplica } from '../db/open-replica';
import { carriersHandlers } from '../carriers/carriers-handlers';
import { ApiFailure } from './api-failure';
import { listDrivers, suggestDrivers } from '../db/queries/driver-queries';
import { createEventHub, type EventHub } from './event-hub';
import { createNoticeWatcher } from '../notices/notice-watcher';
import { resolveNoticeLanguage } from '../notices/notice-text';
import { roleActions } from '../../shared/api/order-actions';
import type { HandlerContext } from './handler-context';
import { messagesHandlers } from './messages-handlers';
import { dailySummaryHandlers } from './daily-summary-handlers';
import { orderCommands, runCommand } from './order-commands';
import { orderDetail } from '../db/queries/order-detail';
import { listOrders, orderCounts, orderPoints } from '../db/queries/order-queries';
import { pendingOrderIds } from '../db/queries/pending-orders';
import { problemQueue } from '../db/queries/problem-queue';
import type { SettingsStore } from '../settings/settings-store';
import { createSyncLink, type SyncConnector, type SyncLink } from '../sync/sync-link';
import { listWarehouses, pickList, warehouseIdOfUser } from '../db/queries/warehouse-queries';
import { alertsHandlers, warehouseScanHandlers } from './alerts-handlers';
import { sessionHandlers } from './session-handlers';
import { describeZodError } from './zod-message';
import { driverPhoneHandlers } from './driver-phone-handlers';
import { driverCardHandlers } from './driver-card-handlers';
import { reportHandlers } from '../reports/report-handlers';
import { serverReports } from '../reports/server-reports';
import { orderIntakeHandlers } from './order-intake-handlers';
import { handoverHandlers } from './handover-handlers';
import { adminHandlers } from './admin-handlers';
import { checkedServerCall } from './server-http';
import { openArchiveCache } from '../archive/archive-cache';
import { archiveHandlers } from '../archive/archive-handlers';
import type { NominatimOptions } from '../geocoding/nominatim-client';

export interface ApiDeps {
  replica: ReadonlyReplica;
  settings: SettingsStore;
  /** Makes a sync client for a server; null = read-only console (no server at all). */
  connect: SyncConnector | null;
  /** 'embedded' when this process started the demo server itself. */
  serverMode?: 'configured' | 'embedded' | 'none';
  now?: () => number;
  logger?: Logger;
  /** The carrier database's handlers; default main/carriers (tests may swap them). */
  carrierHandlers?: (ctx: HandlerContext) => Pick<ApiHandlers, CarrierMethodName>;
  /** The system's locale ('ru-RU'), for the language of notices when set to 'auto'. */
  systemLocale?: string;
  /** Geocoder client options beyond the URL in Settings (tests shorten the timeout). */
  nominatim?: Partial<NominatimOptions>;
  /** The read-only archive cache's own file (beside the replica); in memory when not given. */
  archiveCacheFile?: string;
}


export interface Api {
  handlers: ApiHandlers;
  events: EventHub;
  link: SyncLink;
  /** Validates `args` against the method's schema, runs it, and wraps the answer. Never throws. */
  dispatch(method: string, args: unknown): Promise<Reply<unknown>>;
  /**
   * Runs the console's start-up requests (shared/api/console-start) once through the same
   * handlers, so the replica's pages are in memory and the statements prepared before the window
   * asks (the first, cold run costs several times more). Read-only; never rejects: failures are
   * logged. It yields before each query and skips a method the window has already asked for,
   * so a call of the window's waits at most for the one warm-up query then running.
   */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

function fail(code: ApiFailure['code'], message: string): never {
  throw new ApiFailure(code, message);
}

export function createApi(deps: ApiDeps): Api {
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? silentLogger();
  const { replica, settings } = deps;
  const events = createEventHub(logger);
  const link = createSyncLink({ settings, connect: deps.connect, hub: events, replica });
  const actor = (): Actor | null => {
    const u = link.user();
    return u ? roleToActor(u.role) : null;
  };
  const warehouseOfUser = (): string | null => {
    const u = link.user();
    return u ? warehouseIdOfUser(replica, u.id) : null;
  };
  const pending = (): Set<string> => pendingOrderIds(replica);
  const noSignal = (): ReadonlySet<string> => link.current()?.noSignalDrivers() ?? new Set<string>();
  const ctx: HandlerContext = {
    replica,
    mutate: (name, args) => runCommand(link, name, args),
    now,
    actor,
    userId: () => link.user()?.id ?? null,
    logger,
  };
  const carriers = (deps.carrierHandlers ?? carriersHandlers)(ctx);
  const server = checkedServerCall(settings);
  const archiveCache = openArchiveCache(deps.archiveCacheFile ?? ':memory:');
  const notices = createNoticeWatcher({
    replica,
    now,
    emit: (n) => events.emit('notice', n),
    language: () => resolveNoticeLanguage(settings.get().language, deps.systemLocale ?? 'ru'),
    user: () => link.user(),
  });
  notices.scan();
  const stopNoticeOnChanges = events.on('changes', (c) => {
    if (c.all || c.tables.includes('orders') || c.tables.includes('alerts')) notices.scan();
  });

  const handlers: ApiHandlers = {
    listOrders: (a) => listOrders(replica, a, now(), pending()),
    orderCounts: (a) => orderCounts(replica, a ?? {}, now()),
    orderPoints: (a) => orderPoints(replica, a ?? {}, now()),
    problemQueue: (a) => problemQueue(replica, { now: now(), limit: a?.limit ?? 500, actor: actor(), pending: pending(), ...(a?.carriedBy ? { carriedBy: a.carriedBy } : {}) }),
    getOrder: (a) => orderDetail(replica, a.orderId, actor(), pending()),
    listDrivers: () => listDrivers(replica, now(), noSignal()),
    suggestDrivers: (a) =>
      suggestDrivers(replica, a.orderId, a.limit, now(), noSignal()) ?? fail('not_found', `Order ${a.orderId} does not exist`),
    listWarehouses: () => listWarehouses(replica),
    pickList: (a) => pickList(replica, a?.warehouseId ?? warehouseOfUser(), pending()),
    ...warehouseScanHandlers(ctx, warehouseOfUser),
    ...alertsHandlers(ctx, () => link.user()),
    ...messagesHandlers(ctx),
    ...dailySummaryHandlers(ctx),
    ...orderCommands(link, replica),
    ...carriers,
    ...driverPhoneHandlers(ctx, settings),
    ...handoverHandlers(ctx, server),
    ...adminHandlers(server),
    ...driverCardHandlers({ replica, server, now, role: () => link.user()?.role ?? null, noSignal }),
    ...reportHandlers({ replica, server: serverReports(settings), now, role: () => link.user()?.role ?? null }),
    ...archiveHandlers({ replica, server, cache: archiveCache, now, role: () => link.user()?.role ?? null, historyDays: () => settings.get().historyDays }),
    ...orderIntakeHandlers({ replica, settings, link, now, ...(deps.nominatim ? { nominatim: deps.nominatim } : {}) }),
    ...sessionHandlers({
      link,
      settings,
      replica,
      serverMode: deps.serverMode ?? 'configured',
      now,
      sessionActions: () => roleActions(actor()),
      warehouseOfUser,
      actor,
    }),
  };

  /** Validates `args` against the method's schema and runs its handler. Never throws. */
  async function call(name: MethodName, args: unknown): Promise<Reply<unknown>> {
    const parsed = API_METHODS[name].request.safeParse(args);
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path ?? [];
      return {
        ok: false,
        error: { code: 'invalid_request', message: `${name}: ${describeZodError(parsed.error)}`, ...(path.length > 0 ? { details: { field: path.join('.') } } : {}) },
      };
    }
    try {
      // The schema just checked the arguments for exactly this method's handler.
      const handler = handlers[name] as (a: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof ApiFailure) return { ok: false, error: err.toBody() };
      logger.error({ err, method: name }, 'api call failed');
      return { ok: false, error: { code: 'internal', message: `${name} failed: ${(err as Error).message}` } };
    }
  }

  /** Methods a host has called: their statements are warm, the warm-up has nothing to add. */
  const called = new Set<MethodName>();
  let closed = false;

  async function dispatch(method: string, args: unknown): Promise<Reply<unknown>> {
    if (!Object.prototype.hasOwnProperty.call(API_METHODS, method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method "${method.slice(0, 64)}"` } };
    }
    const name = method as MethodName;
    called.add(name);
    return call(name, args);
  }

  async function warmUp(): Promise<void> {
    for (const { method, args } of CONSOLE_START_REQUESTS) {
      // Yield before each query (better-sqlite3 blocks while it runs): the caller goes on at
      // once, and calls that arrived meanwhile run first.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (closed) return;
      if (called.has(method)) continue;
      const reply = await call(method, args);
      if (!reply.ok) logger.warn({ method, code: reply.error.code, reason: reply.error.message }, 'warm-up query failed');
    }
  }

  return {
    handlers,
    events,
    link,
    dispatch,
    warmUp,
    async close() {
      closed = true;
      stopNoticeOnChanges();
      await link.stop();
      archiveCache.close();
    },
  };
}
