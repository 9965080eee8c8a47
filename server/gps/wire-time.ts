// Times as phones and courier services write them, turned into Unix milliseconds.
// Date.parse alone is not enough: it reads a zone-less ISO string as local time (we want
// UTC, the server's clock zone must not matter) and CDEK writes offsets as `+0700`.

/** Unix seconds below this, milliseconds above (Traccar's rule: Integer.MAX_VALUE). */
export const MAX_UNIX_SECONDS = 2_147_483_647;

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ISO 8601 date-time (`T` or a space between date and time), with `Z`, `+05:00`, `+0500`,
 * `+05` or no zone (read as UTC). Returns null when the text is not such a time or names an
 * impossible date (2024-02-30).
 */
export function parseIsoTime(text: string): number | null {
  const m = ISO_RE.exec(text.trim());
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  // Date.UTC rolls 2024-02-30 over to March; a rolled date is a typo, not a time.
  if (new Date(utc).getUTCDate() !== day) return null;
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number as Java's Double.parseDouble reads it; null for '', 'NaN', '12abc'. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!NUMBER_RE.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * OsmAnd's `timestamp`: Unix seconds, or milliseconds when above 2147483647, or ISO 8601,
 * or `yyyy-MM-dd HH:mm:ss` (UTC). Null when it is none of these.
 */
export function parseOsmAndTimestamp(text: string): number | null {
  const n = parseDecimal(text);
  if (n !== null) {
    if (n < 0) return null;
    return n > MAX_UNIX_SECONDS ? Math.round(n) : Math.round(n * 1000);
  }
  return parseIsoTime(text);
}
