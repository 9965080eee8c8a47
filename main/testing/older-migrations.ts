// The replica's migrations folder as an older desktop had it, for tests that upgrade a replica:
// a copy whose journal stops before `tag`, so openReplica with it builds the older schema.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MIGRATIONS_FOLDER } from '../db/open-replica';

/** Copies the migrations into `dir`/older with every migration before `tag`; returns that folder. */
export function migrationsBefore(dir: string, tag: string): string {
  const older = path.join(dir, 'older');
  fs.cpSync(DEFAULT_MIGRATIONS_FOLDER, older, { recursive: true });
  const file = path.join(older, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 1) throw new Error(`No migration ${tag} after the first in ${DEFAULT_MIGRATIONS_FOLDER}`);
  fs.writeFileSync(file, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return older;
}
