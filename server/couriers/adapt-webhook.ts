// Picks the adapter for a provider's wire format.
import { adaptCdek } from './cdek-adapter';
import type { ProviderConfig } from './courier-config';
import type { AdapterResult } from './courier-event';
import { adaptGeneric } from './generic-adapter';
import { adaptTraccar } from './traccar-adapter';

export function adaptWebhook(cfg: ProviderConfig, body: unknown): AdapterResult {
  switch (cfg.format) {
    case 'cdek':
      return adaptCdek(body, cfg);
    case 'traccar':
      return adaptTraccar(body);
    case 'generic':
      return adaptGeneric(body);
  }
}
