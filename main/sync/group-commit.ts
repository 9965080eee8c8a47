// Group commit for the user's edits. Each mutate() commits its edit at once (the replica shows
// it) without an fsync; on the next turn of the event loop one fsynced commit makes every edit
// of that turn durable together, and only then are the waiters told (the API answers the UI
// "saved") and the outbox offered to the server. A lone edit costs one fsync; a burst of edits
// made in one turn (a bulk action, an import, several windows) shares one.
// The WAL is checkpointed here too, at most once a second and after the waiters were told,
// so SQLite's own checkpoints (two more fsyncs each) stay off the edit's path.
import type Database from 'better-sqlite3';

export interface GroupCommitStore {
  sqlite: Database.Database;
  readonly flushPending: boolean;
  flushDurable(): void;
}

export interface GroupCommit {
  /** An edit was committed: schedule the flush. */
  afterEdit(): void;
  /** Resolves once every edit committed so far is on disk (at once when there is none). */
  durable(): Promise<void>;
  /** Flushes now (before closing the replica). */
  flushNow(): void;
  /** Other writes (server frames) grew the WAL: checkpoint soon if the last one is a second old. */
  afterWrite(): void;
}

export interface GroupCommitOptions {
  /** Told after each flush (sends the outbox). */
  onDurable: () => void;
  /** The flush fails (disk full, I/O error): the edits stay committed but unconfirmed. */
  onError: (e: unknown) => void;
  now?: () => number;
  checkpointEveryMs?: number;
}

export function createGroupCommit(store: GroupCommitStore, options: GroupCommitOptions): GroupCommit {
  const now = options.now ?? (() => performance.now());
  const every = options.checkpointEveryMs ?? 1000;
  let scheduled = false;
  let waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  let lastCheckpoint = now();
  let checkpointScheduled = false;

  const checkpoint = (): void => {
    checkpointScheduled = false;
    lastCheckpoint = now();
    try {
      store.sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      options.onError(e);
    }
  };

  const flush = (): void => {
    scheduled = false;
    const told = waiters;
    waiters = [];
    try {
      store.flushDurable();
    } catch (e) {
      for (const w of told) w.reject(e);
      options.onError(e);
      return;
    }
    for (const w of told) w.resolve();
    options.onDurable();
    checkpointSoon();
  };

  // After the waiters were told: a checkpoint (two fsyncs and the page copies) never delays "saved".
  function checkpointSoon(): void {
    if (!checkpointScheduled && now() - lastCheckpoint >= every) {
      checkpointScheduled = true;
      setImmediate(checkpoint);
    }
  }

  return {
    afterEdit() {
      if (scheduled) return;
      scheduled = true;
      setImmediate(flush);
    },
    durable() {
      if (!store.flushPending && !scheduled) return Promise.resolve();
      return new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
    },
    flushNow() {
      if (store.flushPending || scheduled) flush();
    },
    afterWrite: checkpointSoon,
  };
}
