// Opens the server's SQLite file: WAL, migrations at start-up, one drizzle handle. The file's
// directory is created if missing so `npm run server` works on a fresh checkout.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

export type ServerDrizzle = BetterSQLite3Database;

export interface ServerDb {
  sqlite: Database.Database;
  orm: ServerDrizzle;
  file: string;
}

export const MIGRATIONS_FOLDER = join(__dirname, 'migrations');

export function openServerDb(file: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): ServerDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL by default: an acknowledged mutation is dropped from the client's outbox, so it
  // must survive an OS crash too. NORMAL (WAL) survives process crashes only.
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536'); // 64 MiB
  sqlite.pragma('foreign_keys = ON');
  const orm = drizzle(sqlite);
  migrate(orm, { migrationsFolder: MIGRATIONS_FOLDER });
  return { sqlite, orm, file };
}
