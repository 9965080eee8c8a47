// Per-provider webhook authentication. Checked on the raw body before anything is parsed or
// stored: a wrong secret is 401 and leaves no trace but a counter.
// - token: the shared secret in `X-Webhook-Token` or `Authorization: Bearer`; in `?token=`
//   only for providers configured with `query: true` (CDEK can only be given a URL).
// - hmac: hex HMAC-SHA256 of the raw body with the secret, in the configured header,
//   optionally prefixed `sha256=` (GitHub's convention).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ProviderConfig } from './courier-config';

export interface WebhookCredentials {
  /** Lower-cased header names, as node:http gives them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  query: URLSearchParams;
  rawBody: Buffer;
}

export type AuthResult = { ok: true } | { ok: false; message: string };

function header(h: WebhookCredentials['headers'], name: string): string | undefined {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function hmacHex(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function checkWebhookAuth(cfg: ProviderConfig, secret: string | null, req: WebhookCredentials): AuthResult {
  if (secret === null) return { ok: false, message: 'this webhook has no secret configured, so it accepts nothing' };
  if (cfg.auth.type === 'token') {
    const bearer = header(req.headers, 'authorization');
    const given =
      (cfg.auth.query ? (req.query.get('token') ?? undefined) : undefined) ??
      header(req.headers, 'x-webhook-token') ??
      (bearer?.toLowerCase().startsWith('bearer ') === true ? bearer.slice(7).trim() : undefined);
    if (given === undefined) {
      const where = cfg.auth.query ? '?token=, X-Webhook-Token or Authorization: Bearer' : 'X-Webhook-Token or Authorization: Bearer; ?token= is not accepted for this provider';
      return { ok: false, message: `token missing (${where})` };
    }
    return sameSecret(given, secret) ? { ok: true } : { ok: false, message: 'wrong token' };
  }
  const sig = header(req.headers, cfg.auth.header);
  if (sig === undefined) return { ok: false, message: `signature header ${cfg.auth.header} missing` };
  const given = sig.trim().toLowerCase().replace(/^sha256=/, '');
  return sameSecret(given, hmacHex(secret, req.rawBody)) ? { ok: true } : { ok: false, message: 'wrong signature' };
}
