// Creating shipments through a courier service's API (issue 16). An order handed to a provider
// without a number (the card's "create through the API") is registered with the provider here,
// then its number is asked for until it comes, and recorded on the order by the server's own
// mutator (recordCourierShipment): webhooks for that number then move the order as usual.
// Like the message sender: the attempt is committed as `creating` before the request goes out,
// and a request that may have reached the provider is never sent again without a person.
import type Database from 'better-sqlite3';
import { OPEN_STATUSES } from '../../shared/domain/order-status';
import type { MutationActor, MutationOutcome } from '../../shared/mutators/mutator-tx';
import type { Logger } from '../../platform/log/logger';
import { CdekApiClient, CdekApiError } from './cdek-api-client';
import { cdekOrderBody, type ShipmentOrder } from './cdek-order-body';
import type { CourierApiConfig } from './courier-config';
import type { CourierShipmentRow } from './couriers-schema';

export interface ShipmentProvider {
  key: string;
  name: string;
  api: CourierApiConfig;
  /** Null when the provider has an API section but no credentials: requests fail with that reason. */
  client: Pick<CdekApiClient, 'createOrder' | 'getOrder'> | null;
}

export interface ShipmentCounters {
  requested: number;
  registered: number;
  numbered: number;
  retried: number;
  failed: number;
}

type RunMutation = (name: string, args: unknown, actor: MutationActor) => MutationOutcome;

const RETRY_BASE_MS = 30_000;
const MAX_ATTEMPTS = 6;
/** A provider that has not numbered a registered order in a day will not: a person looks. */
const NUMBER_WAIT_MS = 24 * 3_600_000;

export class CourierShipments {
  readonly counters: ShipmentCounters = { requested: 0, registered: 0, numbered: 0, retried: 0, failed: 0 };
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly stmts;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly providers: readonly ShipmentProvider[],
    private readonly runMutation: RunMutation,
    private readonly clock: () => number,
    private readonly log: Logger,
  ) {
    const open = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
    this.stmts = {
      // Handed over "through the API" (the handover event says so, at the hand-over's time) and not yet asked for.
      newRequests: sqlite.prepare<[string], { id: string; assigned_at: number }>(
        `SELECT o.id, o.assigned_at FROM orders o
         LEFT JOIN courier_shipments s ON s.order_id = o.id AND s.provider = o.courier_provider
         WHERE o.courier_provider = ? AND o.courier_tracking_number IS NULL AND o.status IN (${open}) AND o.assigned_at IS NOT NULL
           AND (s.order_id IS NULL OR s.requested_at != o.assigned_at)
           AND EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.kind = 'handover' AND e.at = o.assigned_at
                       AND json_extract(e.handover, '$.viaApi') = 1 AND json_extract(e.handover, '$.failed') IS NULL)
         LIMIT 20`,
      ),
      due: sqlite.prepare<[number], CourierShipmentRow>(
        `SELECT order_id AS orderId, provider, state, provider_ref AS providerRef, attempts, next_at AS nextAt, last_error AS lastError,
                requested_at AS requestedAt, created_at AS createdAt, updated_at AS updatedAt
         FROM courier_shipments WHERE state IN ('retry', 'registered') AND next_at <= ? ORDER BY next_at LIMIT 20`,
      ),
      leftCreating: sqlite.prepare<[], { orderId: string; provider: string }>(`SELECT order_id AS orderId, provider FROM courier_shipments WHERE state = 'creating'`),
      order: sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM orders WHERE id = ?'),
      upsert: sqlite.prepare<{ orderId: string; provider: string; requestedAt: number; now: number }>(
        `INSERT INTO courier_shipments (order_id, provider, state, attempts, next_at, requested_at, created_at, updated_at)
         VALUES (@orderId, @provider, 'creating', 1, @now, @requestedAt, @now, @now)
         ON CONFLICT(order_id, provider) DO UPDATE SET state = 'creating', provider_ref = NULL, attempts = 1, next_at = @now,
           last_error = NULL, requested_at = @requestedAt, created_at = @now, updated_at = @now`,
      ),
      set: sqlite.prepare<{ orderId: string; provider: string; state: string; ref: string | null; attemptsDelta: number; nextAt: number; error: string | null; now: number }>(
        `UPDATE courier_shipments SET state = @state, provider_ref = coalesce(@ref, provider_ref), attempts = attempts + @attemptsDelta,
           next_at = @nextAt, last_error = @error, updated_at = @now WHERE order_id = @orderId AND provider = @provider`,
      ),
    };
  }

  /** At start-up: a request left `creating` by a crash is failed, never resent (the provider may have it). */
  recoverInterrupted(): number {
    const left = this.stmts.leftCreating.all();
    for (const row of left) {
      this.fail(row.orderId, row.provider, 'the server stopped while asking the courier service: it may have the shipment; check its account, then hand the order over again or paste the number');
    }
    return left.length;
  }

  start(everyMs = 2000): void {
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** One round: new requests, retries and number polls that are due. Never two rounds at once. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const p of this.providers) {
        for (const o of this.stmts.newRequests.all(p.key)) {
          this.counters.requested++;
          this.stmts.upsert.run({ orderId: o.id, provider: p.key, requestedAt: o.assigned_at, now: this.clock() });
          await this.create(p, o.id, 1);
        }
      }
      for (const row of this.stmts.due.all(this.clock())) {
        const p = this.providers.find((x) => x.key === row.provider);
        if (p === undefined) continue;
        if (row.state === 'retry') {
          this.stmts.set.run({ ...this.key(row), state: 'creating', ref: null, attemptsDelta: 1, nextAt: this.clock(), error: row.lastError, now: this.clock() });
          await this.create(p, row.orderId, row.attempts + 1);
        } else await this.poll(p, row);
      }
    } catch (e) {
      this.log.error({ err: e }, 'courier shipments round failed');
    } finally {
      this.running = false;
    }
  }

  private async create(p: ShipmentProvider, orderId: string, attempt: number): Promise<void> {
    const record = this.stmts.order.get(orderId);
    if (p.client === null) return this.fail(orderId, p.key, `${p.name}'s API has no credentials configured: paste the number instead`);
    if (record === undefined) return this.fail(orderId, p.key, 'the order is gone');
    const order = fromRecord(record);
    try {
      const ref = await p.client.createOrder(cdekOrderBody(order, p.api));
      this.counters.registered++;
      const now = this.clock();
      this.stmts.set.run({ orderId, provider: p.key, state: 'registered', ref, attemptsDelta: 0, nextAt: now + p.api.pollSeconds * 1000, error: null, now });
      // CDEK often has the number at once: ask right away rather than a poll interval later.
      await this.poll(p, { orderId, provider: p.key, providerRef: ref, createdAt: now });
    } catch (e) {
      const err = e instanceof CdekApiError ? e : new CdekApiError('unknown', e instanceof Error ? e.message : String(e));
      if (err.kind === 'retry' && attempt < MAX_ATTEMPTS) {
        this.counters.retried++;
        const now = this.clock();
        this.stmts.set.run({ orderId, provider: p.key, state: 'retry', ref: null, attemptsDelta: 0, nextAt: now + RETRY_BASE_MS * 2 ** (attempt - 1), error: err.message, now });
        return;
      }
      this.fail(orderId, p.key, err.message);
    }
  }

  private async poll(p: ShipmentProvider, row: Pick<CourierShipmentRow, 'orderId' | 'provider' | 'providerRef' | 'createdAt'>): Promise<void> {
    if (p.client === null || row.providerRef === null) return;
    const now = this.clock();
    try {
      const state = await p.client.getOrder(row.providerRef);
      if (state.invalid !== null) return this.fail(row.orderId, p.key, state.invalid);
      if (state.cdekNumber !== null) {
        this.counters.numbered++;
        this.stmts.set.run({ ...this.key(row), state: 'done', ref: null, attemptsDelta: 0, nextAt: now, error: null, now });
        this.record(row.orderId, p, state.cdekNumber, null);
        return;
      }
    } catch (e) {
      // Asking again is harmless: keep polling, remember why the last ask failed.
      this.stmts.set.run({ ...this.key(row), state: 'registered', ref: null, attemptsDelta: 0, nextAt: now + p.api.pollSeconds * 1000, error: e instanceof Error ? e.message : String(e), now });
      return;
    }
    if (now - row.createdAt > NUMBER_WAIT_MS) return this.fail(row.orderId, p.key, `${p.name} registered the order (${row.providerRef}) but gave no number within a day`);
    this.stmts.set.run({ ...this.key(row), state: 'registered', ref: null, attemptsDelta: 0, nextAt: now + p.api.pollSeconds * 1000, error: null, now });
  }

  private fail(orderId: string, provider: string, message: string): void {
    this.counters.failed++;
    const now = this.clock();
    this.stmts.set.run({ orderId, provider, state: 'failed', ref: null, attemptsDelta: 0, nextAt: now, error: message, now });
    const p = this.providers.find((x) => x.key === provider);
    if (p !== undefined) this.record(orderId, p, null, message);
  }

  private record(orderId: string, p: ShipmentProvider, trackingNumber: string | null, error: string | null): void {
    const actor: MutationActor = { id: `${p.key}-api`, name: `${p.name} API`, actor: 'system', role: null };
    const out = this.runMutation('recordCourierShipment', { orderId, provider: p.key, trackingNumber, error: error?.slice(0, 2000) ?? null }, actor);
    if (out.result !== 'applied') this.log.warn({ orderId, provider: p.key, error: out.error }, 'courier shipment answer not recorded');
  }

  private key(row: Pick<CourierShipmentRow, 'orderId' | 'provider'>): { orderId: string; provider: string } {
    return { orderId: row.orderId, provider: row.provider };
  }
}

/** The few order fields the request body needs, from a raw SQLite record. */
function fromRecord(r: Record<string, unknown>): ShipmentOrder {
  const s = (k: string) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    number: String(r['number']),
    customerName: String(r['customer_name']),
    customerPhone: String(r['customer_phone']),
    customerEmail: s('customer_email'),
    deliveryAddress: String(r['delivery_address']),
    deliveryCity: String(r['delivery_city']),
    deliveryLat: n('delivery_lat'),
    deliveryLon: n('delivery_lon'),
    pickupAddress: String(r['pickup_address']),
    pickupLat: n('pickup_lat'),
    pickupLon: n('pickup_lon'),
    cargoDescription: String(r['cargo_description'] ?? ''),
    weightKg: n('weight_kg'),
    volumeM3: n('volume_m3'),
  };
}
