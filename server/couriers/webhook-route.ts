// POST /integrations/:provider/webhook. Order of checks: provider known (404), body size
// (413), secret (401: nothing stored), JSON and the provider's format (400: nothing stored).
// Then store first (the inbox row, unique per provider and event id) and answer at once:
//   200 {status: "accepted"}  stored, processed right after the answer
//   200 {status: "duplicate"} the same event again: nothing changes
//   200 {status: "ignored"}   stored, but about nothing we track
//   202 {status: "review"}    the order (or device) is unknown: kept in the review list
// Positions riding along (Traccar) go to GPS ingest straight away: it is as fast as storing.
import { readCappedBody } from '../http/capped-body';
import { sendJson, type Route } from '../http/router';
import type { GpsFix } from '../gps/gps-fix';
import { adaptWebhook } from './adapt-webhook';
import { ownEntry, type CourierConfig } from './courier-config';
import type { CourierCounters } from './courier-counters';
import type { CourierInbox } from './courier-inbox';
import { isIgnoredEvent } from './courier-plan';
import type { CourierProcessor } from './courier-processor';
import type { OrderLookup } from './order-lookup';
import { checkWebhookAuth } from './webhook-auth';

export const MAX_WEBHOOK_BYTES = 256 * 1024;

export interface WebhookRouteDeps {
  config: CourierConfig;
  /** Secret per provider key (null: not configured, so nothing is accepted). */
  secrets: Readonly<Record<string, string | null>>;
  inbox: CourierInbox;
  lookup: OrderLookup;
  processor: CourierProcessor;
  counters: CourierCounters;
  clock: () => number;
  /** GPS ingest for positions forwarded by a Traccar server; null when GPS is not running. */
  ingestFix: ((fix: GpsFix, receivedAt: number) => void) | null;
}

export function webhookRoute(deps: WebhookRouteDeps): Route {
  const { counters } = deps;
  return {
    method: 'POST',
    path: '/integrations/:provider/webhook',
    auth: 'none',
    async handler({ req, res, params, query, log }) {
      counters.received++;
      const key = params['provider'] ?? '';
      const cfg = ownEntry(deps.config.providers, key);
      if (cfg === undefined) {
        counters.unknownProvider++;
        return sendJson(res, 404, { error: 'not_found', message: `No courier integration "${key}"` });
      }
      const raw = await readCappedBody(req, MAX_WEBHOOK_BYTES);
      if (raw === null) {
        counters.invalid++;
        return sendJson(res, 413, { error: 'too_large', message: `Body is larger than ${MAX_WEBHOOK_BYTES} bytes` });
      }
      const auth = checkWebhookAuth(cfg, ownEntry(deps.secrets, key) ?? null, { headers: req.headers, query, rawBody: raw });
      if (!auth.ok) {
        counters.unauthorized++;
        log.warn({ provider: key, reason: auth.message }, 'webhook refused: wrong or missing secret');
        return sendJson(res, 401, { error: 'unauthorized', message: auth.message });
      }
      const text = raw.toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (e) {
        counters.invalid++;
        log.warn({ provider: key }, 'webhook refused: body is not JSON');
        return sendJson(res, 400, { error: 'bad_request', message: `Body is not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
      }
      const adapted = adaptWebhook(cfg, body);
      const now = deps.clock();
      if (adapted.kind === 'invalid') {
        counters.invalid++;
        log.warn({ provider: key, reason: adapted.message }, 'webhook refused: not in the provider format');
        return sendJson(res, 400, { error: 'bad_request', message: adapted.message });
      }
      if (adapted.kind === 'ignored') {
        const id = deps.inbox.insert(key, adapted.eventId, now, text, 'ignored', adapted.why);
        if (id === null) counters.duplicate++;
        else counters.ignored++;
        return sendJson(res, 200, { status: id === null ? 'duplicate' : 'ignored', message: adapted.why });
      }
      const e = adapted.event;
      const found = isIgnoredEvent(cfg, e) ? null : deps.lookup.find(key, e);
      if (found !== null && !found.ok) {
        const id = deps.inbox.insert(key, e.eventId, now, text, 'review', found.detail);
        if (id === null) {
          counters.duplicate++;
          return sendJson(res, 200, { status: 'duplicate' });
        }
        deps.inbox.addReview({
          inboxId: id,
          provider: key,
          eventId: e.eventId,
          orderNumber: e.orderNumber,
          trackingNumber: e.trackingNumber,
          code: e.code,
          reason: 'unknown_order',
          detail: found.detail,
          createdAt: now,
        });
        counters.unknownOrder++;
        log.info({ provider: key, eventId: e.eventId, orderNumber: e.orderNumber }, 'webhook kept for review: unknown order');
        if (e.position !== null) deps.ingestFix?.(e.position, now);
        return sendJson(res, 202, { status: 'review', message: `${found.detail}; kept for review` });
      }
      const id = deps.inbox.insert(key, e.eventId, now, text);
      if (id === null) {
        counters.duplicate++;
        return sendJson(res, 200, { status: 'duplicate' });
      }
      if (e.position !== null) deps.ingestFix?.(e.position, now);
      deps.processor.schedule();
      log.info({ provider: key, eventId: e.eventId, orderNumber: e.orderNumber, code: e.code }, 'webhook accepted');
      return sendJson(res, 200, { status: 'accepted', eventId: e.eventId });
    },
  };
}
