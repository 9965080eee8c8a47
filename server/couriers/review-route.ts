// The courier webhook review list over REST (issue 16), for the desk roles: the events kept
// for a person (an order nobody knows, a code with no mapping, a refusal) with their content;
// attaching one to the right order runs it through the processor's own path
// (CourierProcessor.applyToOrder) and records the event's shipment number on the order, so
// the provider's later events find it; dismissing one closes it with a note. A closed review stays
// closed: attaching or dismissing it again is a 409 that changes nothing. Every answer is
// counted (GET /health -> courierReview).
import type Database from 'better-sqlite3';
import { attachReviewBody, dismissReviewBody, REVIEW_BODY_CHARS, type CourierReviewView, type DismissedAnswer } from '../../shared/api/admin-api';
import { countedHandler, deskCaller, fail, parsedBody } from '../http/json-route';
import { actorOf } from '../http/orders-write-api';
import { Counters } from '../http/request-guards';
import type { RouteContext, Router } from '../http/router';
import { ownEntry, type CourierConfig } from './courier-config';
import type { CourierInbox, ReviewWithEvent } from './courier-inbox';
import type { CourierProcessor } from './courier-processor';
import type { OrderLookup } from './order-lookup';

/** A note or an order number is a few hundred bytes; nothing a desk sends here is bigger. */
export const MAX_REVIEW_BODY_BYTES = 16 * 1024;
/** The review list shows the oldest open events first, this many at a time. */
export const REVIEW_PAGE = 200;

export interface ReviewRouteDeps {
  sqlite: Database.Database;
  inbox: CourierInbox;
  lookup: OrderLookup;
  processor: CourierProcessor;
  config: CourierConfig;
  clock: () => number;
}

export function mountCourierReview(router: Pick<Router, 'addRoute'>, deps: ReviewRouteDeps): { counters: Counters } {
  const counters = new Counters();
  const { inbox } = deps;

  const view = (r: ReviewWithEvent): CourierReviewView => ({
    id: r.id,
    provider: r.provider,
    providerName: ownEntry(deps.config.providers, r.provider)?.name ?? r.provider,
    eventId: r.eventId,
    orderNumber: r.orderNumber,
    trackingNumber: r.trackingNumber,
    code: r.code,
    reason: r.reason,
    detail: r.detail,
    createdAt: r.createdAt,
    receivedAt: r.receivedAt,
    body: r.body.slice(0, REVIEW_BODY_CHARS),
    bodyTruncated: r.body.length > REVIEW_BODY_CHARS,
  });

  /** The open review named in the path: 404 when there is none, 409 when it is closed. */
  function openReview(ctx: RouteContext): ReviewWithEvent {
    const raw = ctx.params['id'] ?? '';
    const review = /^[1-9]\d{0,14}$/.test(raw) ? inbox.review(Number(raw)) : null;
    if (review === null) return fail(404, 'not_found', `No event ${raw.slice(0, 32)} in the review list`, 'id');
    if (review.resolvedAt !== null) {
      return fail(409, 'already_resolved', `Event ${review.id} was already ${review.resolution ?? 'resolved'}; nothing changed`, 'id');
    }
    return review;
  }

  router.addRoute({
    method: 'GET',
    path: '/api/couriers/review',
    handler: countedHandler(counters, (ctx) => {
      deskCaller(ctx);
      const { rows, total } = inbox.openWithEvents(REVIEW_PAGE);
      return { status: 200, body: { reviews: rows.map(view), more: Math.max(0, total - rows.length) }, count: 'listed' };
    }),
  });

  router.addRoute({
    method: 'POST',
    path: '/api/couriers/review/:id/attach',
    handler: countedHandler(counters, async (ctx) => {
      const user = deskCaller(ctx);
      const body = await parsedBody(ctx, attachReviewBody, MAX_REVIEW_BODY_BYTES);
      // Checked and applied in one write transaction: two desks attaching the same event at
      // once apply it once, the second gets the 409.
      const answer = deps.sqlite
        .transaction(() => {
          const review = openReview(ctx);
          const order = deps.lookup.byNumber(body.orderNumber) ?? fail(404, 'not_found', `No order with number ${body.orderNumber.slice(0, 64)}`, 'orderNumber');
          const row = inbox.inboxRow(review.inboxId) ?? fail(404, 'not_found', `The webhook of event ${review.id} is gone`, 'id');
          const r = deps.processor.applyToOrder(row, order, actorOf(user));
          if (!r.ok) {
            if (r.reason === 'unmapped_code') fail(422, 'unmapped_code', `${r.detail}; nothing changed`, 'code');
            fail(409, 'refused', `${r.detail}; nothing changed`, 'orderNumber');
          }
          const done = r as Extract<typeof r, { ok: true }>;
          inbox.resolve(review.id, 'attached', user.id, `${order.number}: ${done.outcome}`, deps.clock());
          return { orderNumber: order.number, state: done.state, outcome: done.outcome };
        })
        .immediate();
      return { status: 200, body: answer, count: 'attached' };
    }),
  });

  router.addRoute({
    method: 'POST',
    path: '/api/couriers/review/:id/dismiss',
    handler: countedHandler(counters, async (ctx) => {
      const user = deskCaller(ctx);
      const body = await parsedBody(ctx, dismissReviewBody, MAX_REVIEW_BODY_BYTES);
      deps.sqlite
        .transaction(() => {
          const review = openReview(ctx);
          inbox.resolve(review.id, 'dismissed', user.id, body.note ?? '', deps.clock());
        })
        .immediate();
      return { status: 200, body: { dismissed: true } satisfies DismissedAnswer, count: 'dismissed' };
    }),
  });

  return { counters };
}
