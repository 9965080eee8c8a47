// The console's settings (server URL, token, language, map tiles) in a JSON file in the user
// data dir. Read through a schema: a hand-edited or corrupt file falls back to defaults for
// the bad fields and says so, instead of stopping the app.
import { silentLogger, type Logger } from '../../platform/log/logger';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL, LANGUAGES, type SettingsPatch } from '../../shared/api/session-api';
import { USER_ROLES } from '../../shared/domain/vocabulary';
import { DEFAULT_HISTORY_DAYS, historyDaysSchema } from '../../shared/protocol/sync-window';

/** Stored before attributions were text: the old default's entity would now show literally. */
const OLD_DEFAULT_ATTRIBUTION = '&copy; OpenStreetMap contributors';

const storedSchema = z.object({
  serverUrl: z.string().nullable().catch(null).default(null),
  token: z.string().nullable().catch(null).default(null),
  language: z.enum(LANGUAGES).catch('auto').default('auto'),
  tileUrl: z.string().catch(DEFAULT_TILE_URL).default(DEFAULT_TILE_URL),
  tileAttribution: z
    .string()
    .catch(DEFAULT_TILE_ATTRIBUTION)
    .default(DEFAULT_TILE_ATTRIBUTION)
    .transform((a) => (a === OLD_DEFAULT_ATTRIBUTION ? DEFAULT_TILE_ATTRIBUTION : a)),
  geocoderUrl: z.string().catch('').default(''),
  /** The sync window: days of history this desktop keeps (at least the reports' 62 days are kept whatever it says). */
  historyDays: historyDaysSchema.catch(DEFAULT_HISTORY_DAYS).default(DEFAULT_HISTORY_DAYS),
  /** Who the server last welcomed us as: the role is known before the first connect, offline. */
  lastUser: z
    .object({ id: z.string(), name: z.string(), role: z.enum(USER_ROLES) })
    .nullable()
    .catch(null)
    .default(null),
});
export type StoredSettings = z.infer<typeof storedSchema>;

export interface SettingsStore {
  get(): StoredSettings;
  /** Saves at once (atomic rename); returns the new settings. */
  update(patch: Patch): StoredSettings;
  readonly file: string | null;
}

type Patch = SettingsPatch | Pick<StoredSettings, 'lastUser'>;

/**
 * Every settings write goes through here. A token belongs to the server URL it was saved
 * with: a new server URL without a new token drops the old token, so the console asks for
 * one again and never presents the old server's token to the new one (which could be anyone:
 * a typo, or a page that got hold of setSettings).
 */
export function applySettingsPatch(current: StoredSettings, patch: Patch): StoredSettings {
  const next = { ...current, ...patch };
  const p = patch as SettingsPatch;
  if (p.serverUrl !== undefined && p.serverUrl !== current.serverUrl && p.token === undefined) next.token = null;
  return next;
}

export function defaultSettings(): StoredSettings {
  return storedSchema.parse({});
}

/** Settings kept in memory only (tests, `--server` on the command line without saving). */
export function memorySettings(initial: Partial<StoredSettings> = {}): SettingsStore {
  let current: StoredSettings = { ...defaultSettings(), ...initial };
  return {
    file: null,
    get: () => current,
    update(patch) {
      current = applySettingsPatch(current, patch);
      return current;
    },
  };
}

export function fileSettings(file: string, logger: Logger = silentLogger()): SettingsStore {
  let current = read(file, logger);
  return {
    file,
    get: () => current,
    update(patch) {
      current = applySettingsPatch(current, patch);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      // The token is a secret: readable by this user only.
      fs.writeFileSync(tmp, `${JSON.stringify(current, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(tmp, file);
      return current;
    },
  };
}

function read(file: string, logger: Logger): StoredSettings {
  let raw: unknown = {};
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err, file }, 'settings file is unreadable; using defaults');
  }
  const parsed = storedSchema.safeParse(raw);
  return parsed.success ? parsed.data : defaultSettings();
}

/**
 * Settings with a server given for this run only (`--server`/`--token`, or the embedded demo
 * server): they win until the user saves another server in the settings screen, which then
 * persists as usual. The run-only server is never written to the file.
 */
export function overlaySettings(base: SettingsStore, overlay: Pick<StoredSettings, 'serverUrl' | 'token'>): SettingsStore {
  let active = true;
  let run = { ...overlay };
  let lastUser: StoredSettings['lastUser'] = null;
  return {
    file: base.file,
    get: () => (active ? { ...base.get(), ...run, lastUser } : base.get()),
    update(patch) {
      const p = patch as SettingsPatch;
      if (active && p.serverUrl === undefined && p.token !== undefined) {
        // A new token for the server shown: still this run's server, still not saved.
        run = { ...run, token: p.token };
        const { token: _token, ...rest } = p;
        if (Object.keys(rest).length > 0) base.update(rest);
        return this.get();
      }
      if (p.serverUrl !== undefined) active = false;
      if (active && 'lastUser' in patch && Object.keys(patch).length === 1) {
        // Who the run-only server says we are is not who the saved server knows.
        lastUser = patch.lastUser ?? null;
        return this.get();
      }
      // The saved server's own token rule applies (applySettingsPatch): a URL other than the
      // saved one without a token leaves no token.
      base.update(patch);
      return this.get();
    },
  };
}
