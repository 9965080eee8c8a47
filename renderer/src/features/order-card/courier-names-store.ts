// The courier services' names for the card's "Carried by" row. The names are the server's and
// change only with its configuration, so they are asked once per window; until they arrive (or
// when the ask failed: the next card to show a courier asks again) the service's key stands in.
import { create } from 'zustand';
import type { CourierProviderView } from '../../../../shared/api/handover-api';
import { loadCourierProviders } from './store';

export interface CourierNamesState {
  providers: readonly CourierProviderView[] | null;
  /** An ask in flight: another card showing a courier meanwhile waits for it instead of asking twice. */
  asking: boolean;
}

const initial: CourierNamesState = { providers: null, asking: false };

export const useCourierNamesStore = create<CourierNamesState>(() => initial);

export function resetCourierNamesStore(): void {
  useCourierNamesStore.setState(initial, true);
}

/** Asks for the names unless they are known or already asked for. */
export async function ensureCourierNames(): Promise<void> {
  const { providers, asking } = useCourierNamesStore.getState();
  if (providers !== null || asking) return;
  useCourierNamesStore.setState({ asking: true });
  try {
    useCourierNamesStore.setState({ providers: await loadCourierProviders(), asking: false });
  } catch {
    useCourierNamesStore.setState({ asking: false });
  }
}

/** A service's name by key, or null while unknown. */
export function courierName(s: Pick<CourierNamesState, 'providers'>, key: string): string | null {
  return s.providers?.find((p) => p.key === key)?.name ?? null;
}
