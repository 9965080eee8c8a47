// The archive cache holds what the server's archive sent, bounded by count and age, in a file
// of its own; a changed order forgets its old timeline; a damaged or older-format file is a
// miss, never a crash.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toArchiveOrder, type ArchiveCard } from '../../shared/archive/archive-search';
import { testOrderRow } from '../../shared/testing/order-row';
import { ARCHIVE_CACHE_TTL_MS, openArchiveCache, type ArchiveCache } from './archive-cache';

let dir: string;
let file: string;
let cache: ArchiveCache;
const NOW = Date.UTC(2026, 11, 2, 12);

const order = (i: number, updatedAt = 1000) => toArchiveOrder(testOrderRow({ id: `o${i}`, number: `MR-${i}`, status: 'delivered', updatedAt }), null);
const card = (i: number, updatedAt = 1000): ArchiveCard => ({
  order: order(i, updatedAt),
  events: [
    { id: `e${i}`, orderId: `o${i}`, kind: 'created', at: 1, fromStatus: null, toStatus: 'new', subMark: null, actor: 'dispatcher', actorId: null, actorName: null, source: 'manual', reason: null, comment: null, driverId: null, changes: null, handover: null },
  ],
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'marshrut-archive-'));
  file = path.join(dir, 'replica.archive-cache.db');
  cache = openArchiveCache(file, { maxRows: 3 });
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('archive cache', () => {
  it('gives back an opened order with its timeline, and survives a restart', () => {
    cache.putCard(card(1), NOW);
    expect(cache.card('MR-1', NOW + 1)?.card.events.map((e) => e.id)).toEqual(['e1']);
    cache.close();
    cache = openArchiveCache(file, { maxRows: 3 });
    expect(cache.card('MR-1', NOW + 2)).toEqual({ card: card(1), fetchedAt: NOW });
  });

  it('has no card for a search hit alone (no timeline yet), and keeps the timeline while the order is unchanged', () => {
    cache.putOrders([order(2)], NOW);
    expect(cache.card('MR-2', NOW)).toBeNull();
    cache.putCard(card(2), NOW);
    cache.putOrders([order(2)], NOW + 10);
    expect(cache.card('MR-2', NOW + 20)?.card.events).toHaveLength(1);
    // The server says the order changed since: the old timeline is not shown with it.
    cache.putOrders([order(2, 2000)], NOW + 30);
    expect(cache.card('MR-2', NOW + 40)).toBeNull();
  });

  it('keeps at most maxRows orders, dropping the least recently looked at', () => {
    cache.putCard(card(1), NOW);
    cache.putCard(card(2), NOW + 1);
    cache.putCard(card(3), NOW + 2);
    expect(cache.card('MR-1', NOW + 3)).not.toBeNull(); // looked at: now the freshest
    cache.putCard(card(4), NOW + 4);
    expect(cache.size()).toBe(3);
    expect(cache.card('MR-2', NOW + 5)).toBeNull();
    expect(cache.card('MR-1', NOW + 5)).not.toBeNull();
  });

  it('forgets copies older than the TTL', () => {
    cache.putCard(card(1), NOW);
    expect(cache.card('MR-1', NOW + ARCHIVE_CACHE_TTL_MS + 1)).toBeNull();
    cache.evict(NOW + ARCHIVE_CACHE_TTL_MS + 1);
    expect(cache.size()).toBe(0);
  });

  it('treats a damaged row as a miss and an older file format as empty', () => {
    cache.putCard(card(1), NOW);
    cache.close();
    const raw = new Database(file);
    raw.prepare("UPDATE archive_orders SET events_json = '{not json' WHERE number = 'MR-1'").run();
    raw.close();
    cache = openArchiveCache(file, { maxRows: 3 });
    expect(cache.card('MR-1', NOW)).toBeNull();
    cache.close();
    const old = new Database(file);
    old.pragma('user_version = 0');
    old.close();
    cache = openArchiveCache(file, { maxRows: 3 });
    expect(cache.size()).toBe(0);
  });
});
