// bench:scale's new desktop, in its own process: a real sync client into a new replica file
// (the sync window asked, as a desktop does by default) joins the running company; timed to
// caught up by desktopFirstSync (./desktop-first-sync.ts), the replica measured, then deleted.
// Usage: tsx bench/scale-new-desktop.ts URL TOKEN DIR DAYS; prints
// {"firstSync":{"ms":N,"bytes":N,"orders":N}}.
import path from 'node:path';
import { desktopFirstSync } from './desktop-first-sync';

async function main(): Promise<void> {
  const [url, token, dir, days] = process.argv.slice(2);
  if (url === undefined || token === undefined || dir === undefined || days === undefined) throw new Error('usage');
  const firstSync = await desktopFirstSync(path.join(dir, 'new-desktop.db'), url, token, { historyDays: Number(days) });
  process.stdout.write(`${JSON.stringify({ firstSync })}\n`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
