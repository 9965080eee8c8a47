// The console's main-side services in one place, for both hosts: the replica, the settings,
// the sync client, and the API over them. The Electron shell and the browser host differ only
// in how they carry the API to the renderer.
import type { Logger } from '../../platform/log/logger';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiHandlers, CarrierMethodName } from '../../shared/api/contract';
import { createApi, type Api } from '../api/create-api';
import type { HandlerContext } from '../api/handler-context';
import { fileSettings, overlaySettings, type SettingsStore } from '../settings/settings-store';
import { realSyncConnector } from '../sync/sync-link';
import { openReplica, type Replica } from '../db/open-replica';
import { carriersHandlers } from '../carriers/carriers-handlers';

export interface ConsoleServicesOptions {
  replicaFile: string;
  settingsFile: string;
  /** A server for this run only (command line or embedded demo); not saved. */
  server?: { url: string; token: string; mode: 'configured' | 'embedded' };
  /** For bundled builds, where main/db/migrations is not beside the code. */
  migrationsFolder?: string;
  systemLocale?: string;
  carrierHandlers?: (ctx: HandlerContext) => Pick<ApiHandlers, CarrierMethodName>;
  logger: Logger;
}

export interface ConsoleServices {
  api: Api;
  replica: Replica;
  settings: SettingsStore;
  close(): Promise<void>;
}

export function startConsoleServices(opts: ConsoleServicesOptions): ConsoleServices {
  const { logger } = opts;
  fs.mkdirSync(path.dirname(opts.replicaFile), { recursive: true });
  const replica = openReplica(opts.replicaFile, opts.migrationsFolder ? { migrationsFolder: opts.migrationsFolder } : {});
  const saved = fileSettings(opts.settingsFile, logger);
  const settings = opts.server ? overlaySettings(saved, { serverUrl: opts.server.url, token: opts.server.token }) : saved;
  const api = createApi({
    replica,
    settings,
    connect: realSyncConnector(replica),
    serverMode: opts.server?.mode ?? 'configured',
    // Old orders fetched from the server's archive: a file of their own, never the replica.
    archiveCacheFile: `${opts.replicaFile.replace(/\.db$/, '')}.archive-cache.db`,
    logger: logger.child({ component: 'api' }),
    ...(opts.systemLocale ? { systemLocale: opts.systemLocale } : {}),
    // The carrier database (main/carriers) unless a caller plugs in its own (tests).
    carrierHandlers: opts.carrierHandlers ?? carriersHandlers,
  });
  void api.warmUp();
  return {
    api,
    replica,
    settings,
    async close() {
      await api.close();
      replica.close();
    },
  };
}
