// Tracking links: one per order, 128 random bits as base64url (unguessable; the page never
// says whether a wrong token was close). Made on the server only, inside the transaction of
// the change that first needs one, and synced so the console can copy it.
import { randomBytes } from 'node:crypto';
import type { MutatorTx } from '../../shared/mutators';
import type { TrackingLinkRow } from '../../shared/schema';

/** 22 characters of base64url: the only shape /t/<token> accepts. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function newTrackingToken(): string {
  return randomBytes(16).toString('base64url');
}

export function trackingUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/t/${token}`;
}

/** The order's link, made if missing. */
export function ensureTrackingLink(tx: MutatorTx, orderId: string, publicUrl: string, now: number): TrackingLinkRow {
  const existing = tx.get('tracking_links', orderId);
  if (existing !== undefined) return existing;
  const token = newTrackingToken();
  const row: TrackingLinkRow = { id: orderId, token, url: trackingUrl(publicUrl, token), createdAt: now, expiresAt: null, updatedAt: now };
  tx.put('tracking_links', row);
  return row;
}

/** Starts the link's countdown when the order finishes (and clears it if the order reopens). */
export function setLinkExpiry(tx: MutatorTx, orderId: string, expiresAt: number | null, now: number): void {
  const link = tx.get('tracking_links', orderId);
  if (link === undefined || link.expiresAt === expiresAt) return;
  if (expiresAt !== null && link.expiresAt !== null) return; // already counting down: keep the first finish
  tx.put('tracking_links', { ...link, expiresAt, updatedAt: now });
}
