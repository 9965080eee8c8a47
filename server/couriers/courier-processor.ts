// Processing the courier inbox after the webhook was answered: each pending row is adapted
// again from its stored body, its orders found, the mapping applied through the server's
// mutators (as the provider's actor, event time = the provider's status time), and the row
// finished, all in one transaction: a crash mid-way leaves the row pending and it is
// processed again at start-up (the plan is idempotent, so nothing is applied twice).
import type { Logger } from '../../platform/log/logger';
import type { MutationActor, MutationOutcome } from '../../shared/mutators/mutator-tx';
import { adaptWebhook } from './adapt-webhook';
import { eventTimeAt } from '../../shared/domain/event-time';
import { ownEntry, type CourierConfig, type ProviderConfig } from './courier-config';
import type { CourierCounters } from './courier-counters';
import type { CourierEvent } from './courier-event';
import type { CourierInbox } from './courier-inbox';
import { describeEvent, isIgnoredEvent, planCourierEvent } from './courier-plan';
import type { CourierInboxRow, InboxState, ReviewReason } from './couriers-schema';
import type { FoundOrder, OrderLookup } from './order-lookup';

interface Applied {
  state: InboxState;
  outcomes: string[];
  reviews: Array<{ reason: ReviewReason; detail: string }>;
}

export type AttachResult = { ok: true; state: 'applied' | 'skipped'; outcome: string } | { ok: false; reason: ReviewReason; detail: string };

export type RunMutation = (name: string, args: unknown, actor: MutationActor, at: number) => MutationOutcome;

const BATCH = 100;

export class CourierProcessor {
  private scheduled = false;

  constructor(
    private readonly inbox: CourierInbox,
    private readonly lookup: OrderLookup,
    private readonly config: CourierConfig,
    private readonly runMutation: RunMutation,
    private readonly counters: CourierCounters,
    private readonly clock: () => number,
    private readonly log: Logger,
  ) {}

  /** Processes soon, off the request that stored the row (CDEK wants a fast answer). */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.processPending();
    });
  }

  processPending(): number {
    let done = 0;
    for (;;) {
      const rows = this.inbox.pending(BATCH);
      for (const row of rows) {
        try {
          this.processOne(row);
        } catch (e) {
          // A bug, not a business rejection: park the row as failed so the queue moves on.
          this.log.error({ err: e, provider: row.provider, eventId: row.eventId }, 'courier webhook failed');
          this.counters.failed++;
          this.inbox.finish(row.id, 'failed', `internal error: ${e instanceof Error ? e.message : String(e)}`, this.clock());
        }
        done++;
      }
      if (rows.length < BATCH) return done;
    }
  }

  private processOne(row: CourierInboxRow): void {
    const now = this.clock();
    const read = this.readEvent(row, now);
    if (!read.ok) return this.end(row, 'failed', read.why, now);
    const { cfg, e } = read;
    if (isIgnoredEvent(cfg, e)) return this.end(row, 'skipped', `code ${e.code} is ignored`, now);
    const found = this.lookup.find(row.provider, e);
    if (!found.ok) {
      this.review(row, e, 'unknown_order', found.detail, now);
      return this.end(row, 'review', found.detail, now);
    }
    this.inbox.sqlite
      .transaction(() => {
        const r = this.apply(row.provider, cfg, e, found.orders);
        for (const v of r.reviews) this.review(row, e, v.reason, v.detail, now);
        this.end(row, r.state, r.outcomes.join('; ') || 'no order to change', now);
      })
      .immediate();
  }

  /**
   * A stored event applied to the order a person chose for it (the review list's "attach"),
   * by exactly the path a matched webhook takes: the same adapting, time clamp, plan and
   * mutators, as the provider's actor. Runs inside the caller's transaction. A refusal (a code
   * with no mapping, the mutator saying no) writes nothing and leaves the review open.
   * Then the event's shipment number is recorded on the order through the card's own step
   * (handToCourier, as the person attaching), so the provider's later events for that number
   * find the order as a matched webhook does, instead of landing in review again. It runs after
   * the event: a person's change dated now would otherwise outrank the provider's older status.
   */
  applyToOrder(row: CourierInboxRow, order: FoundOrder, attachedBy: MutationActor): AttachResult {
    const now = this.clock();
    const read = this.readEvent(row, now);
    if (!read.ok) return { ok: false, reason: 'rejected', detail: read.why };
    const { cfg, e } = read;
    if (isIgnoredEvent(cfg, e)) return { ok: false, reason: 'unmapped_code', detail: `code ${e.code} is ignored for ${cfg.name}` };
    const r = this.apply(row.provider, cfg, e, [order]);
    const refused = r.reviews[0];
    if (refused !== undefined) return { ok: false, reason: refused.reason, detail: refused.detail };
    const recorded = this.recordTrackingNumber(row.provider, cfg, e, order, attachedBy, now);
    const outcome = `attached by ${attachedBy.name}: ${[...r.outcomes, ...recorded].join('; ')}`;
    const state = r.state === 'applied' ? 'applied' : 'skipped';
    this.end(row, state, outcome, now);
    return { ok: true, state, outcome };
  }

  /**
   * The event's shipment number on the order, through handToCourier (a no-op when the order
   * already carries it). A finished order or a number the order cannot take is said in the
   * outcome and does not undo the attach: the event itself was the person's choice.
   */
  private recordTrackingNumber(provider: string, cfg: ProviderConfig, e: CourierEvent, order: FoundOrder, by: MutationActor, now: number): string[] {
    if (e.trackingNumber === null) return [];
    const args = { orderId: order.id, provider, trackingNumber: e.trackingNumber, reason: describeEvent(cfg, e) };
    const out = this.runMutation('handToCourier', args, by, now);
    return [out.result === 'applied' ? `tracking number ${e.trackingNumber} recorded` : `tracking number ${e.trackingNumber} not recorded (${out.error.code}: ${out.error.message})`];
  }

  /** The stored body adapted again, its claimed time clamped; or why it no longer can be. */
  private readEvent(row: CourierInboxRow, now: number): { ok: true; cfg: ProviderConfig; e: CourierEvent } | { ok: false; why: string } {
    const cfg = ownEntry(this.config.providers, row.provider);
    if (cfg === undefined) return { ok: false, why: `provider ${row.provider} is no longer configured` };
    const adapted = adaptWebhook(cfg, JSON.parse(row.body) as unknown);
    if (adapted.kind !== 'event') return { ok: false, why: `stored body no longer adapts: ${adapted.kind}` };
    // The provider's claimed time decides against manual changes (planCourierEvent), so it is
    // clamped before anything compares it: a signed `at` in 2100 would outrank them all.
    return { ok: true, cfg, e: { ...adapted.event, at: eventTimeAt(adapted.event.at, now) } };
  }

  /** Plans and runs the event on each order; what needs a person comes back in `reviews`. */
  private apply(provider: string, cfg: ProviderConfig, e: CourierEvent, orders: readonly FoundOrder[]): Applied {
    const outcomes: string[] = [];
    const reviews: Applied['reviews'] = [];
    let state: InboxState = 'skipped';
    for (const o of orders) {
      const current = this.lookup.current(o.id);
      if (current === null) continue;
      const plan = planCourierEvent(cfg, e, current, this.lookup.lastManualAt(o.id));
      if (plan.kind === 'skip') {
        outcomes.push(`${current.number}: ${plan.why}`);
        continue;
      }
      if (plan.kind === 'review') {
        reviews.push({ reason: plan.reason, detail: plan.detail });
        outcomes.push(`${current.number}: ${plan.detail}`);
        state = 'review';
        continue;
      }
      const outcome = this.runMutation(plan.name, plan.args, actorOf(provider, cfg), e.at);
      if (outcome.result === 'applied') {
        outcomes.push(`${current.number}: ${plan.name} ${JSON.stringify(plan.args)}`);
        if (state !== 'review') state = 'applied';
      } else {
        reviews.push({ reason: 'rejected', detail: `${current.number}: ${outcome.error.message}` });
        outcomes.push(`${current.number}: rejected (${outcome.error.code})`);
        state = 'review';
      }
    }
    return { state, outcomes, reviews };
  }

  private end(row: CourierInboxRow, state: InboxState, outcome: string, now: number): void {
    if (state === 'applied') this.counters.applied++;
    else if (state === 'skipped') this.counters.skipped++;
    else if (state === 'review') this.counters.review++;
    else if (state === 'failed') this.counters.failed++;
    this.inbox.finish(row.id, state, outcome, now);
  }

  private review(row: CourierInboxRow, e: CourierEvent, reason: ReviewReason, detail: string, now: number): void {
    this.inbox.addReview({
      inboxId: row.id,
      provider: row.provider,
      eventId: row.eventId,
      orderNumber: e.orderNumber,
      trackingNumber: e.trackingNumber,
      code: e.code,
      reason,
      detail,
      createdAt: now,
    });
  }
}

/** The provider acts as itself on the timeline ("CDEK"), with its configured actor. */
export function actorOf(key: string, cfg: ProviderConfig): MutationActor {
  return { id: key, name: cfg.name, actor: cfg.actor, role: null };
}
