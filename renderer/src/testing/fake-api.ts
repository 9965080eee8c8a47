// A FAKE MarshrutApi over an in-memory world, for renderer tests and the dev preview
// (`?fake` in the URL) before a real host is running. It validates arguments with the contract's
// schemas like main does, but its queries are naive loops and its rules are simplified.
import { buildApiClient, type ApiTransport } from '../../../shared/api/client';
import { API_METHODS, type ApiHandlers, type MarshrutApi, type MethodName } from '../../../shared/api/contract';
import type { EventName } from '../../../shared/api/events';
import type { ConflictView, ConnectionView, SettingsView } from '../../../shared/api/session-api';
import type { Reply } from '../../../shared/api/wire';
import { isOpenStatus } from '../../../shared/domain/order-status';
import { LINK_REQUESTED_REASON } from '../../../shared/messages/message-vocabulary';
import type { OrderEventRow } from '../../../shared/schema';
import type { FakeWorld } from './fake-data';
import { fakeQueries, type FakeClock } from './fake-queries';
import { fakeDriverCard } from './fake-driver-card';

export interface FakeApi {
  api: MarshrutApi;
  world: FakeWorld;
  /** Sends an event as main would. */
  emit(event: EventName, payload: unknown): void;
  /** Every call made, for tests: [method, args]. */
  calls: [MethodName, unknown][];
  connection: ConnectionView;
  conflicts: ConflictView[];
  settings: SettingsView;
}

export function createFakeApi(world: FakeWorld, clock: FakeClock, opts: { role?: 'dispatcher' | 'warehouse' | 'supervisor' } = {}): FakeApi {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const emit = (event: EventName, payload: unknown): void => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  const role = opts.role ?? 'dispatcher';
  const pending = new Set<string>();
  let mid = 0;
  const fake: FakeApi = {
    api: null as unknown as MarshrutApi, // set below, once the transport exists
    world,
    emit,
    calls: [],
    connection: { status: 'online', pending: 0, lastSyncAt: clock(), serverUrl: 'ws://fake', error: null },
    conflicts: [],
    settings: { serverUrl: 'ws://fake', hasToken: true, language: 'auto', tileUrl: '', tileAttribution: '', geocoderUrl: '', historyDays: 30, serverMode: 'embedded' },
  };
  const q = fakeQueries(world, clock, role, pending);

  /** A local edit: applied at once, pending until the fake "server" acks it a moment later. */
  const mutate = (orderId: string, change: (o: FakeWorld['orders'][number]) => Partial<OrderEventRow> | null) => {
    const order = world.orders.find((o) => o.id === orderId);
    if (!order) return { ok: false as const, code: 'not_found' as const, message: `No order ${orderId}` };
    const event = change(order);
    order.version += 1;
    order.updatedAt = clock();
    if (event) {
      world.events.push({
        id: `${orderId}-local-${mid + 1}`, orderId, kind: 'status', at: clock(), fromStatus: null, toStatus: null, subMark: null,
        actor: role, actorId: 'u-1', actorName: 'Fake User', source: 'manual', reason: null, comment: null, driverId: null, changes: null, handover: null, ...event,
      });
    }
    mid += 1;
    pending.add(orderId);
    fake.connection = { ...fake.connection, pending: pending.size };
    emit('changes', { tables: ['orders', 'order_events'], ids: { orders: [orderId] }, all: false });
    emit('connection', fake.connection);
    setTimeout(() => {
      pending.delete(orderId);
      fake.connection = { ...fake.connection, pending: pending.size, lastSyncAt: clock() };
      emit('changes', { tables: ['orders'], ids: { orders: [orderId] }, all: false });
      emit('connection', fake.connection);
    }, 1500);
    return { ok: true as const, mid };
  };

  const handlers: Partial<ApiHandlers> = {
    ...q,
    ...fakeDriverCard(world, clock),
    confirmOrder: ({ orderId }) =>
      mutate(orderId, (o) => {
        const from = o.status;
        o.status = 'confirmed';
        o.confirmedAt = clock();
        return { fromStatus: from, toStatus: 'confirmed' };
      }),
    assignDriver: ({ orderId, driverId }) =>
      mutate(orderId, (o) => {
        o.driverId = driverId;
        const d = world.drivers.find((x) => x.id === driverId);
        return { kind: 'assign', driverId, comment: d?.name ?? null };
      }),
    unassignDriver: ({ orderId }) =>
      mutate(orderId, (o) => {
        o.driverId = null;
        return { kind: 'unassign' };
      }),
    reportProblem: ({ orderId, reason, comment }) =>
      mutate(orderId, (o) => {
        const from = o.status;
        o.statusBeforeProblem = from;
        o.status = 'problem';
        o.problemReason = reason;
        o.problemComment = comment;
        o.statusChangedAt = clock();
        return { fromStatus: from, toStatus: 'problem', reason, comment };
      }),
    resolveProblem: ({ orderId, to: toStatus, comment }) =>
      mutate(orderId, (o) => {
        const to = toStatus ?? o.statusBeforeProblem ?? 'confirmed';
        o.status = to;
        o.problemReason = null;
        return { fromStatus: 'problem', toStatus: to, comment };
      }),
    addComment: ({ orderId, text }) => mutate(orderId, () => ({ kind: 'comment', comment: text })),
    cancelOrder: ({ orderId, comment: reason }) =>
      mutate(orderId, (o) => {
        const from = o.status;
        o.status = 'cancelled';
        return { fromStatus: from, toStatus: 'cancelled', comment: reason };
      }),
    sendTrackingLink: ({ orderId }) => {
      const o = world.orders.find((x) => x.id === orderId);
      if (o && !isOpenStatus(o.status)) return { ok: false, code: 'invalid_transition', message: `Order ${o.number} is finished: no link to send` };
      const out = mutate(orderId, () => ({ kind: 'message', reason: LINK_REQUESTED_REASON }));
      if (out.ok) world.trackingUrls[orderId] ??= `https://track.example.kz/t/fake-${orderId}`;
      return out;
    },
    orderProofs: ({ orderId }) => world.proofs[orderId] ?? { required: [], proofs: [], code: null },
    proofFile: ({ fileId }) => {
      const dataUrl = world.files[fileId];
      if (dataUrl === undefined) throw new Error(`No file ${fileId}`);
      return { dataUrl };
    },
    issueDeliveryCode: ({ orderId }) => {
      const v = (world.proofs[orderId] ??= { required: [], proofs: [], code: null });
      v.code = '4821';
      emit('changes', { tables: ['delivery_codes'], ids: {}, all: false });
      return { ok: true, mid: ++mid };
    },
    // Hand-overs (issue 16): the mutators' refusals a person meets at the card, simplified.
    searchCarriers: (f) => ({ results: world.carriers, hasMore: false, offset: 0, fromCity: f.fromCity ?? null, toCity: f.toCity ?? null, tookMs: 1 }),
    courierProviders: () => [
      { key: 'cdek', name: 'CDEK', api: true },
      { key: 'generic', name: 'Courier service', api: false },
    ],
    handToCarrier: ({ orderId, carrierId, overrideReason, reason }) => {
      const c = world.carriers.find((x) => x.id === carrierId);
      if (!c) return { ok: false, code: 'not_found', message: `Carrier ${carrierId} does not exist` };
      if (c.blacklisted) return { ok: false, code: 'forbidden', message: `${c.name} is on the blacklist and can't be chosen` };
      if (c.securityCheck !== 'passed' && (role !== 'supervisor' || !overrideReason)) {
        return { ok: false, code: 'forbidden', message: `${c.name} has not passed the security check: only a supervisor can choose it, with a reason` };
      }
      return mutate(orderId, (o) => {
        o.carrierId = c.id;
        o.driverId = null;
        return { kind: 'handover', handover: { to: 'carrier', name: c.name, ...(c.securityCheck !== 'passed' ? { securityOverride: true } : {}) }, comment: [reason, overrideReason].filter(Boolean).join(' · ') || null };
      });
    },
    handToCourier: ({ orderId, provider, trackingNumber, reason }) =>
      mutate(orderId, (o) => {
        o.carrierId = null;
        o.driverId = null;
        o.courierProvider = provider;
        o.courierTrackingNumber = trackingNumber;
        return { kind: 'handover', handover: { to: 'courier', name: provider, trackingNumber, ...(trackingNumber === null ? { viaApi: true } : {}) }, comment: reason ?? null };
      }),
    handToOwnFleet: ({ orderId, reason }) =>
      mutate(orderId, (o) => {
        o.carrierId = null;
        o.courierProvider = null;
        o.courierTrackingNumber = null;
        return { kind: 'handover', handover: { to: 'own', name: null }, comment: reason };
      }),
    connectionState: () => fake.connection,
    listConflicts: () => fake.conflicts,
    acknowledgeConflict: ({ id }) => {
      fake.conflicts = fake.conflicts.filter((c) => c.id !== id);
      emit('conflicts', fake.conflicts);
      return { ok: true, mid: null };
    },
    getSettings: () => fake.settings,
    setSettings: (patch) => {
      const { token, ...rest } = patch;
      fake.settings = { ...fake.settings, ...rest, hasToken: token ? true : fake.settings.hasToken } as SettingsView;
      return { ok: true, mid: null };
    },
    now: () => ({ now: clock() }),
  };

  const transport: ApiTransport = {
    async call(method, args): Promise<Reply<unknown>> {
      fake.calls.push([method, args]);
      const parsed = API_METHODS[method].request.safeParse(args);
      if (!parsed.success) return { ok: false, error: { code: 'invalid_request', message: parsed.error.message } };
      const handler = handlers[method] as ((a: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'unknown_method', message: `The fake has no ${method}` } };
      return { ok: true, value: await handler(parsed.data) };
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  fake.api = buildApiClient(transport);
  return fake;
}
