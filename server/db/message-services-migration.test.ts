// Migration 0011 (message_services): the customer triggers' on/off used to hold for every service
// at once; it becomes each service type's value. A server file from before it keeps sending
// exactly what it sent: a rule with some channel on is on for every service, one with every
// channel off is off for every service.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './open-server-db';

const TAG = '0011_message_services';
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'server-msg-services-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as an older server had it: every migration before `tag`. */
function folderBefore(tag: string): string {
  const older = path.join(dir, 'older');
  fs.cpSync(MIGRATIONS_FOLDER, older, { recursive: true });
  const file = path.join(older, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  fs.writeFileSync(file, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return older;
}

it("turns each rule's global on/off into every service's value, and nothing else", () => {
  const sqlite = new Database(path.join(dir, 'server.db'));
  try {
    migrate(drizzle(sqlite), { migrationsFolder: folderBefore(TAG) });
    const put = sqlite.prepare('INSERT INTO message_rules (id, channels, texts, updated_by, updated_at) VALUES (?, ?, ?, ?, 1)');
    put.run('confirmed', '{"sms":false,"email":true,"telegram":false}', '{"ru":"Заказ {{number}}"}', 'u-admin');
    put.run('delivered', '{"sms":false,"email":false,"telegram":false}', '{}', 'u-admin');
    put.run('arriving', '{"sms":true,"email":true,"telegram":true}', '{}', null);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
    const rows = sqlite.prepare('SELECT id, channels, services, texts FROM message_rules ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'arriving', channels: '{"sms":true,"email":true,"telegram":true}', services: '{}', texts: '{}' },
      { id: 'confirmed', channels: '{"sms":false,"email":true,"telegram":false}', services: '{}', texts: '{"ru":"Заказ {{number}}"}' },
      { id: 'delivered', channels: '{"sms":false,"email":false,"telegram":false}', services: '{"express":false,"standard":false,"intercity":false}', texts: '{}' },
    ]);
  } finally {
    sqlite.close();
  }
});
