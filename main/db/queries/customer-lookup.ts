// Who is on the phone: customers found through their orders' full-text index, which holds the
// name and every spelling of the phone ("+7 701 123 45 67", "8701...", "701..." and partial
// digits all match), grouped into one entry per customer with the addresses they used last.
import type { CustomerAddress, CustomerMatch } from '../../../shared/api/order-intake-api';
import { normalizePhone } from '../../../shared/carriers/normalize-phone';
import { ftsRowids } from '../fts-search';
import type { ReadonlyReplica } from '../open-replica';

/** Orders looked at per search: a regular customer has dozens, the list shows ten people. */
const ORDER_HITS = 300;
const MAX_CUSTOMERS = 10;
const MAX_ADDRESSES = 5;

interface Hit {
  r: number;
  customerId: string | null;
  customerName: string;
  customerPhone: string;
  customerEmail: string | null;
  deliveryAddress: string;
  deliveryCity: string;
  deliveryLat: number;
  deliveryLon: number;
  createdAt: number;
  cName: string | null;
  cPhone: string | null;
  cEmail: string | null;
  cVip: number | null;
}

/** One customer: the customers row when the order names one, else the same phone (or name without one). */
function keyOf(h: Hit): string {
  if (h.customerId !== null) return `id:${h.customerId}`;
  const phone = normalizePhone(h.customerPhone);
  return phone !== '' ? `phone:${phone}` : `name:${h.customerName.toLowerCase()}`;
}

export function lookupCustomers(replica: ReadonlyReplica, text: string): CustomerMatch[] {
  const rowids = ftsRowids(replica, 'orders_fts', text, ORDER_HITS);
  if (rowids.length === 0) return [];
  const hits = replica
    .prepareRead(
      `SELECT o.rowid AS r, o.customer_id AS customerId, o.customer_name AS customerName, o.customer_phone AS customerPhone,
              o.customer_email AS customerEmail, o.delivery_address AS deliveryAddress, o.delivery_city AS deliveryCity,
              o.delivery_lat AS deliveryLat, o.delivery_lon AS deliveryLon, o.created_at AS createdAt,
              c.name AS cName, c.phone AS cPhone, c.email AS cEmail, c.vip_norm_minutes AS cVip
         FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
        WHERE o.rowid IN (SELECT value FROM json_each(?))
        ORDER BY o.created_at DESC`,
    )
    .all(JSON.stringify(rowids)) as Hit[];
  // Best match first: a customer ranks where their best-ranked order did.
  const rank = new Map<string, number>();
  const position = new Map(rowids.map((r, i) => [r, i]));
  const byKey = new Map<string, { match: CustomerMatch; seen: Set<string> }>();
  for (const h of hits) {
    const key = keyOf(h);
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = {
        match: {
          customerId: h.customerId,
          // The customers row is the customer's own record; orders keep what was said then.
          name: h.cName ?? h.customerName,
          phone: h.cPhone || h.customerPhone,
          email: h.cEmail ?? h.customerEmail,
          vipNormMinutes: h.cVip,
          orderCount: 0,
          lastAddresses: [],
        },
        seen: new Set(),
      };
      byKey.set(key, entry);
    }
    entry.match.orderCount += 1;
    const p = position.get(h.r) ?? Infinity;
    if (p < (rank.get(key) ?? Infinity)) rank.set(key, p);
    const place = `${h.deliveryAddress.toLowerCase()}|${h.deliveryCity.toLowerCase()}`;
    if (!entry.seen.has(place) && entry.match.lastAddresses.length < MAX_ADDRESSES) {
      entry.seen.add(place);
      const a: CustomerAddress = { address: h.deliveryAddress, city: h.deliveryCity, lat: h.deliveryLat, lon: h.deliveryLon, lastUsedAt: h.createdAt };
      entry.match.lastAddresses.push(a);
    }
  }
  return [...byKey.entries()]
    .sort((a, b) => (rank.get(a[0]) ?? Infinity) - (rank.get(b[0]) ?? Infinity))
    .slice(0, MAX_CUSTOMERS)
    .map(([, e]) => e.match);
}
