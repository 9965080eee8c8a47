// What the simulated phones and services send: OsmAnd requests exactly as Traccar Client
// sends them (POST, parameters in the query, speed in knots, accuracy 0 for a GPS fix), the
// driver app's marks in our generic webhook format (HMAC-signed), and CDEK ORDER_STATUS
// webhooks (token in the URL, as CDEK is configured).
import { createHmac } from 'node:crypto';
import type { LatLon } from '../shared/domain/geo';
import type { ProblemReason } from '../shared/domain/vocabulary';

export interface PhoneFix extends LatLon {
  deviceId: string;
  fixAt: number;
  speedKmh: number;
  headingDeg: number;
  accuracyM: number;
  battery: number;
  charging: boolean;
}

const KMH_TO_KNOTS = 1 / 1.852;

/** The request line Traccar Client (Android) makes for one fix. */
export function osmAndPath(f: PhoneFix): string {
  const q = new URLSearchParams({
    id: f.deviceId,
    timestamp: String(Math.floor(f.fixAt / 1000)),
    lat: f.lat.toFixed(6),
    lon: f.lon.toFixed(6),
    speed: (f.speedKmh * KMH_TO_KNOTS).toFixed(1),
    bearing: f.headingDeg.toFixed(1),
    altitude: '350.0',
    accuracy: f.accuracyM.toFixed(1),
    batt: f.battery.toFixed(1),
  });
  if (f.charging) q.set('charge', 'true');
  return `/?${q}`;
}

export async function sendFix(gpsUrl: string, f: PhoneFix): Promise<number> {
  const res = await fetch(`${gpsUrl}${osmAndPath(f)}`, { method: 'POST' });
  await res.arrayBuffer();
  return res.status;
}

export interface DriverMark {
  eventId: string;
  orderNumber: string;
  at: number;
  status: 'in_transit' | 'delivered' | 'problem';
  reason?: ProblemReason;
  comment?: string;
}

/** POSTs a signed body to /integrations/<provider>/webhook; returns the HTTP status. */
async function postSigned(webhookUrl: string, provider: string, secret: string, body: unknown): Promise<number> {
  const text = JSON.stringify(body);
  const signature = createHmac('sha256', secret).update(text).digest('hex');
  const res = await fetch(`${webhookUrl}/${provider}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-marshrut-signature': `sha256=${signature}` },
    body: text,
  });
  await res.arrayBuffer();
  return res.status;
}

export function sendDriverMark(webhookUrl: string, secret: string, m: DriverMark): Promise<number> {
  return postSigned(webhookUrl, 'driver-app', secret, { ...m, at: new Date(m.at).toISOString() });
}

/** "2024-07-01T16:02:11+0500": CDEK's own time format (offset without a colon), Kazakhstan time. */
export function cdekTime(ms: number): string {
  const local = new Date(ms + 5 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+0500`;
}

export interface CdekStatus {
  orderId: string;
  orderNumber: string;
  cdekNumber: string;
  code: string;
  at: number;
  reasonCode?: string;
  cityName: string;
}

export function cdekBody(s: CdekStatus): unknown {
  return {
    type: 'ORDER_STATUS',
    date_time: cdekTime(s.at),
    uuid: `sim-${s.orderId}`,
    attributes: {
      is_return: false,
      cdek_number: s.cdekNumber,
      number: s.orderNumber,
      code: s.code,
      status_date_time: cdekTime(s.at),
      city_name: s.cityName,
      ...(s.reasonCode === undefined ? {} : { status_reason_code: s.reasonCode }),
    },
  };
}

export async function sendCdekStatus(webhookUrl: string, token: string, s: CdekStatus): Promise<number> {
  const res = await fetch(`${webhookUrl}/cdek/webhook?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(cdekBody(s)),
  });
  await res.arrayBuffer();
  return res.status;
}
