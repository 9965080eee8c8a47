// The sync client's bookkeeping in `replica_meta` (key/value text): cursor, the next local
// outbox number, the server epoch, the client identities ("lineages") and the signed-in user.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { sessionUserSchema, type SessionUser } from '../../shared/protocol';

/**
 * One client identity. Outbox rows are numbered by a local sequence (`outbox.mid`) that never
 * restarts; a lineage owns the rows after its `base` (up to the next lineage's base) and
 * sends row `m` as wire mid `m - base`, so its wire mids start at 1 and go up by one.
 */
export const lineageSchema = z.object({
  clientId: z.string().min(1),
  base: z.number().int().nonnegative(),
  /** Highest wire mid of this lineage the server has acknowledged. */
  lastAcked: z.number().int().nonnegative(),
});
export type Lineage = z.infer<typeof lineageSchema>;

const lineagesSchema = z.array(lineageSchema);

export interface MetaStore {
  cursor(): number;
  setCursor(cursor: number): void;
  /** The server epoch the cursor counts in (set with the cursor at a completed catch-up). */
  epoch(): string | null;
  setEpoch(epoch: string): void;
  /** The local number the next outbox row takes. */
  nextLocalMid(): number;
  setNextLocalMid(mid: number): void;
  /** Oldest first; the last one is current (new mutations go to it). */
  lineages(): Lineage[];
  setLineages(lineages: Lineage[]): void;
  user(): SessionUser | null;
  setUser(user: SessionUser): void;
  /** Forgets the in-memory copy; the store calls it when a transaction rolls back. */
  forget(): void;
}

export function createMetaStore(sqlite: Database.Database): MetaStore {
  const read = sqlite.prepare('SELECT value FROM replica_meta WHERE key = ?').pluck(true);
  const upsert = sqlite.prepare(
    'INSERT INTO replica_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  // This connection is the replica's only writer, so what it read or wrote stays true until a
  // rollback undoes a write (forget()). Every live frame reads the cursor and the lineages
  // several times: from memory, not as a query each.
  const known = new Map<string, string | undefined>();
  const get = (key: string): string | undefined => {
    if (known.has(key)) return known.get(key);
    const v = read.get(key) as string | undefined;
    known.set(key, v);
    return v;
  };
  const write = (key: string, value: string): void => {
    upsert.run(key, value);
    known.set(key, value);
  };
  const num = (key: string, fallback: number): number => {
    const v = get(key);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`replica_meta ${key} is not a count: ${v}`);
    return n;
  };
  const json = <T>(key: string, schema: z.ZodType<T>, fallback: T): T => {
    const v = get(key);
    if (v === undefined) return fallback;
    const parsed = schema.safeParse(JSON.parse(v));
    if (!parsed.success) throw new Error(`replica_meta ${key} is damaged: ${parsed.error.message}`);
    return parsed.data;
  };
  const outboxTop = sqlite.prepare('SELECT max(mid) FROM outbox').pluck(true);
  // Parsed lineages keyed by their text: parsed again only when the text changed.
  let lineagesCache: { text: string; value: Lineage[] } | null = null;

  return {
    cursor: () => num('cursor', 0),
    setCursor: (c) => write('cursor', String(c)),
    epoch: () => get('epoch') ?? null,
    setEpoch: (e) => write('epoch', e),
    // Never below the outbox's top row: a replica written by an older build still numbers on.
    nextLocalMid: () => Math.max(num('nextMid', 1), ((outboxTop.get() as number | null) ?? 0) + 1),
    setNextLocalMid: (m) => write('nextMid', String(m)),
    lineages: () => {
      const text = get('lineages');
      if (text === undefined) return [];
      if (lineagesCache?.text !== text) lineagesCache = { text, value: json('lineages', lineagesSchema, []) };
      return lineagesCache.value.map((l) => ({ ...l }));
    },
    setLineages: (ls) => {
      write('lineages', JSON.stringify(ls));
      const current = ls[ls.length - 1];
      // `clientId` names the current identity for anyone reading the replica (diagnostics).
      if (current !== undefined) write('clientId', current.clientId);
    },
    user: () => json('user', sessionUserSchema.nullable(), null),
    setUser: (u) => write('user', JSON.stringify(u)),
    forget: () => known.clear(),
  };
}
