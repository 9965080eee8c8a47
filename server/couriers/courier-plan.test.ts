import { describe, expect, it } from 'vitest';
import { loadCourierConfig, type ProviderConfig } from './courier-config';
import type { CourierEvent } from './courier-event';
import { planCourierEvent, type PlanOrder } from './courier-plan';
import { checkWebhookAuth, hmacHex } from './webhook-auth';

const config = loadCourierConfig();
const cdek = config.providers['cdek'] as ProviderConfig;
const generic = config.providers['generic'] as ProviderConfig;
const T = Date.UTC(2024, 6, 1, 11, 0);

const event = (e: Partial<CourierEvent>): CourierEvent => ({
  eventId: 'e1',
  orderNumber: 'A-1',
  trackingNumber: null,
  deviceId: null,
  code: 'DELIVERED',
  at: T,
  reasonCode: null,
  note: null,
  direct: null,
  position: null,
  ...e,
});
const order = (o: Partial<PlanOrder> = {}): PlanOrder => ({ id: 'o1', status: 'in_transit', subMark: 'on_route', ...o });

describe('planCourierEvent', () => {
  it('maps CDEK DELIVERED to our delivered', () => {
    expect(planCourierEvent(cdek, event({}), order(), null)).toEqual({ kind: 'mutation', name: 'setStatus', args: { orderId: 'o1', to: 'delivered' } });
  });

  it('maps a hand-over to in_transit with its sub-mark', () => {
    expect(planCourierEvent(cdek, event({ code: 'RECEIVED_AT_SHIPMENT_WAREHOUSE' }), order({ status: 'at_warehouse', subMark: null }), null)).toEqual({
      kind: 'mutation',
      name: 'setStatus',
      args: { orderId: 'o1', to: 'in_transit', subMark: 'left_warehouse' },
    });
  });

  it('moves only the sub-mark forward when the order is already in transit', () => {
    expect(planCourierEvent(cdek, event({ code: 'ACCEPTED_AT_PICK_UP_POINT' }), order(), null)).toEqual({
      kind: 'mutation',
      name: 'setSubMark',
      args: { orderId: 'o1', subMark: 'arrived' },
    });
    expect(planCourierEvent(cdek, event({ code: 'TAKEN_BY_COURIER' }), order({ subMark: 'arrived' }), null).kind).toBe('skip');
  });

  it('maps NOT_DELIVERED to a problem with the reason from the table, and "other" with a comment otherwise', () => {
    expect(planCourierEvent(cdek, event({ code: 'NOT_DELIVERED', reasonCode: '2', note: 'Алматы' }), order(), null)).toEqual({
      kind: 'mutation',
      name: 'setStatus',
      args: { orderId: 'o1', to: 'problem', reason: 'recipient_unreachable', comment: 'CDEK: NOT_DELIVERED (reason 2, Алматы)' },
    });
    expect(planCourierEvent(cdek, event({ code: 'NOT_DELIVERED', reasonCode: '77' }), order(), null)).toMatchObject({
      args: { reason: 'other', comment: 'CDEK: NOT_DELIVERED (reason 77)' },
    });
  });

  it('is idempotent: an order already at or past the checkpoint is skipped', () => {
    expect(planCourierEvent(cdek, event({}), order({ status: 'delivered', subMark: null }), null).kind).toBe('skip');
    expect(planCourierEvent(cdek, event({ code: 'TAKEN_BY_COURIER' }), order({ status: 'delivered', subMark: null }), null)).toMatchObject({
      kind: 'skip',
      why: expect.stringMatching(/past in_transit/),
    });
  });

  it('never overrides a later manual change, but still comments', () => {
    expect(planCourierEvent(cdek, event({}), order(), T + 1)).toMatchObject({ kind: 'skip', why: expect.stringMatching(/by hand/) });
    expect(planCourierEvent(cdek, event({ code: 'REMOVED' }), order(), T + 1)).toMatchObject({ kind: 'mutation', name: 'addComment' });
  });

  it('sends an unknown code to review and ignores what the table ignores', () => {
    expect(planCourierEvent(cdek, event({ code: 'TELEPORTED' }), order(), null)).toMatchObject({ kind: 'review', reason: 'unmapped_code' });
    expect(planCourierEvent(cdek, event({ code: 'CREATED' }), order(), null).kind).toBe('skip');
  });

  it('applies a direct status of the generic format, and a bare comment as a comment', () => {
    expect(
      planCourierEvent(generic, event({ code: '', direct: { status: 'problem', subMark: null, reason: 'refused' }, note: 'no one home' }), order(), null),
    ).toEqual({ kind: 'mutation', name: 'setStatus', args: { orderId: 'o1', to: 'problem', reason: 'refused', comment: 'Courier service: problem (no one home)' } });
    expect(planCourierEvent(generic, event({ code: '', direct: { status: null, subMark: null, reason: null }, note: 'called' }), order(), null)).toEqual({
      kind: 'mutation',
      name: 'addComment',
      args: { orderId: 'o1', text: 'Courier service: note (called)' },
    });
  });
});

describe('checkWebhookAuth', () => {
  const body = Buffer.from('{"eventId":"e1"}');
  const none = { headers: {}, query: new URLSearchParams(), rawBody: body };

  it('accepts the token in the query, a header or a bearer, and nothing else', () => {
    expect(checkWebhookAuth(cdek, 's3cret', { ...none, query: new URLSearchParams('token=s3cret') })).toEqual({ ok: true });
    expect(checkWebhookAuth(cdek, 's3cret', { ...none, headers: { 'x-webhook-token': 's3cret' } })).toEqual({ ok: true });
    expect(checkWebhookAuth(cdek, 's3cret', { ...none, headers: { authorization: 'Bearer s3cret' } })).toEqual({ ok: true });
    expect(checkWebhookAuth(cdek, 's3cret', { ...none, query: new URLSearchParams('token=s3cre') })).toEqual({ ok: false, message: 'wrong token' });
    expect(checkWebhookAuth(cdek, 's3cret', none).ok).toBe(false);
  });

  it('checks an HMAC-SHA256 signature of the raw body, with or without sha256=', () => {
    const sig = hmacHex('k', body);
    expect(checkWebhookAuth(generic, 'k', { ...none, headers: { 'x-marshrut-signature': sig } })).toEqual({ ok: true });
    expect(checkWebhookAuth(generic, 'k', { ...none, headers: { 'x-marshrut-signature': `sha256=${sig.toUpperCase()}` } })).toEqual({ ok: true });
    expect(checkWebhookAuth(generic, 'other', { ...none, headers: { 'x-marshrut-signature': sig } })).toEqual({ ok: false, message: 'wrong signature' });
    expect(checkWebhookAuth(generic, 'k', { ...none, rawBody: Buffer.from('{"eventId":"e2"}'), headers: { 'x-marshrut-signature': sig } }).ok).toBe(false);
  });

  it('accepts nothing when no secret is configured', () => {
    expect(checkWebhookAuth(cdek, null, { ...none, query: new URLSearchParams('token=') }).ok).toBe(false);
  });
});
