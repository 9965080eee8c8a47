import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adaptCdek } from './cdek-adapter';
import { loadCourierConfig, lookupAction, type ProviderConfig } from './courier-config';
import type { AdapterResult, CourierEvent } from './courier-event';
import { adaptGeneric } from './generic-adapter';
import { adaptTraccar } from './traccar-adapter';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as Record<string, unknown>;
const config = loadCourierConfig();
const provider = (key: string): ProviderConfig => {
  const p = config.providers[key];
  if (p === undefined) throw new Error(`no provider ${key}`);
  return p;
};
const cdek = provider('cdek');

function eventOf(r: AdapterResult): CourierEvent {
  if (r.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(r)}`);
  return r.event;
}

function withAttributes(patch: Record<string, unknown>): Record<string, unknown> {
  const body = fixture('cdek-order-status.json');
  return { ...body, attributes: { ...(body['attributes'] as Record<string, unknown>), ...patch } };
}

describe('CDEK ORDER_STATUS adapter', () => {
  it('reads the webhook CDEK sends', () => {
    expect(eventOf(adaptCdek(fixture('cdek-order-status.json'), cdek))).toEqual({
      eventId: `72753031-3c87-4f3e-a8c6-1f0d3b9c4e21:TAKEN_BY_COURIER:${Date.UTC(2024, 6, 1, 11, 2, 11)}`,
      orderNumber: 'ALA-10234',
      trackingNumber: '1106207236',
      deviceId: null,
      code: 'TAKEN_BY_COURIER',
      at: Date.UTC(2024, 6, 1, 11, 2, 11), // +0500 without a colon
      reasonCode: null,
      note: 'Алматы',
      direct: null,
      position: null,
    });
  });

  it('falls back to the numeric status_code when the letter code is missing', () => {
    expect(eventOf(adaptCdek(withAttributes({ code: undefined, status_code: '4' }), cdek)).code).toBe('DELIVERED');
    expect(eventOf(adaptCdek(withAttributes({ code: null, status_code: 5 }), cdek)).code).toBe('NOT_DELIVERED');
  });

  it('prefixes return shipments and keeps the reason code', () => {
    const e = eventOf(adaptCdek(withAttributes({ is_return: true, code: 'NOT_DELIVERED', status_reason_code: '2' }), cdek));
    expect(e.code).toBe('return:NOT_DELIVERED');
    expect(e.reasonCode).toBe('2');
  });

  it('gives the same event id to the same status and a new one to the next', () => {
    const a = eventOf(adaptCdek(fixture('cdek-order-status.json'), cdek));
    const b = eventOf(adaptCdek(fixture('cdek-order-status.json'), cdek));
    const c = eventOf(adaptCdek(withAttributes({ code: 'DELIVERED', status_date_time: '2024-07-01T17:40:00+0500' }), cdek));
    expect(a.eventId).toBe(b.eventId);
    expect(c.eventId).not.toBe(a.eventId);
  });

  it('ignores other webhook types but keeps an id for them', () => {
    const r = adaptCdek({ type: 'PRINT_FORM', date_time: '2024-07-01T16:02:11+0500', uuid: 'u1', attributes: { type: 'barcode' } }, cdek);
    expect(r).toMatchObject({ kind: 'ignored', eventId: 'PRINT_FORM:u1:2024-07-01T16:02:11+0500' });
  });

  it.each([
    ['a body that is not an object', 'ORDER_STATUS'],
    ['no uuid', { type: 'ORDER_STATUS', attributes: { code: 'DELIVERED', status_date_time: '2024-07-01T16:02:11+0500' } }],
    ['no code at all', withAttributes({ code: undefined, status_code: undefined })],
    ['an unknown numeric code', withAttributes({ code: undefined, status_code: '999' })],
    ['a bad time', { ...withAttributes({ status_date_time: 'yesterday' }) }],
  ])('rejects %s', (_name, body) => {
    expect(adaptCdek(body, cdek).kind).toBe('invalid');
  });
});

describe('Traccar event forwarding adapter', () => {
  it('reads event, device and position', () => {
    const e = eventOf(adaptTraccar(fixture('traccar-event.json')));
    expect(e).toMatchObject({ eventId: '48213', deviceId: '512874', code: 'alarm:sos', at: Date.UTC(2024, 6, 1, 10, 15, 30), note: 'Truck 12 (Serik)' });
    expect(e.position).toMatchObject({ deviceId: '512874', lat: 51.128207, lon: 71.430411, accuracyM: 6, battery: 71, moving: false, speedKmh: 0 });
  });

  it('builds an id from device, type and time when the event has none', () => {
    const body = fixture('traccar-event.json');
    const event = { ...(body['event'] as Record<string, unknown>), id: undefined, type: 'deviceMoving' };
    expect(eventOf(adaptTraccar({ ...body, event })).eventId).toBe(`512874:deviceMoving:${Date.UTC(2024, 6, 1, 10, 15, 30)}`);
  });

  it('rejects a body without a device', () => {
    expect(adaptTraccar({ event: { type: 'alarm', eventTime: '2024-07-01T10:15:30Z' } }).kind).toBe('invalid');
  });

  it('maps alarms to a timeline comment and ignores the rest by default', () => {
    const traccar = provider('traccar');
    expect(lookupAction(traccar, 'alarm:sos')).toBe('comment');
    expect(lookupAction(traccar, 'deviceOnline')).toBe('ignore');
  });
});

describe('generic adapter', () => {
  it('reads a direct status with an ISO time', () => {
    const e = eventOf(adaptGeneric({ eventId: 'e1', orderNumber: 'A-1', at: '2024-07-01T15:00:00+05:00', status: 'problem', reason: 'refused', comment: 'no one home' }));
    expect(e).toMatchObject({ eventId: 'e1', orderNumber: 'A-1', at: Date.UTC(2024, 6, 1, 10), code: '', note: 'no one home', direct: { status: 'problem', subMark: null, reason: 'refused' } });
  });

  it('reads a provider code to be mapped, with a time in ms', () => {
    expect(eventOf(adaptGeneric({ eventId: 'e2', orderNumber: 'A-1', at: 1719828000000, code: 'HANDED_OVER' }))).toMatchObject({ code: 'HANDED_OVER', direct: null, at: 1719828000000 });
  });

  it.each([
    ['nothing happened', { eventId: 'e', orderNumber: 'A-1', at: 1 }],
    ['both code and status', { eventId: 'e', orderNumber: 'A-1', at: 1, code: 'X', status: 'delivered' }],
    ['an unknown status', { eventId: 'e', orderNumber: 'A-1', at: 1, status: 'teleported' }],
    ['no event id', { orderNumber: 'A-1', at: 1, status: 'delivered' }],
    ['an unknown field', { eventId: 'e', orderNumber: 'A-1', at: 1, status: 'delivered', extra: 1 }],
    ['a bad time', { eventId: 'e', orderNumber: 'A-1', at: 'soon', status: 'delivered' }],
  ])('rejects %s', (_name, body) => {
    expect(adaptGeneric(body).kind).toBe('invalid');
  });
});

describe('courier configuration', () => {
  it('ships a valid default with the four providers', () => {
    expect(Object.keys(config.providers).sort()).toEqual(['cdek', 'driver-app', 'generic', 'traccar']);
    expect(provider('driver-app').actor).toBe('driver');
  });

  it('looks codes up exactly, then by prefix, then by "*"', () => {
    expect(lookupAction(cdek, 'DELIVERED')).toEqual({ status: 'delivered' });
    expect(lookupAction(cdek, 'return:DELIVERED')).toBe('comment');
    expect(lookupAction(cdek, 'SOMETHING_NEW')).toBeNull();
  });

  it('refuses a file that maps to a status we do not have, saying where', () => {
    const bad = join(__dirname, 'fixtures', 'bad-config.json');
    expect(() => loadCourierConfig(bad)).toThrow(/providers\.x\.mapping\.A/);
  });
});
