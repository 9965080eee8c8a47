// The events a sync client raises, named and shaped as the console receives them
// (shared/api/events): the link forwards them to the hub under the same name, unchanged.
import type { EventPayload } from '../../shared/api/events';

export const SYNC_EVENTS = ['connection', 'changes', 'positions', 'conflicts'] as const;
export type SyncEventName = (typeof SYNC_EVENTS)[number];
export type SyncListener<E extends SyncEventName> = (payload: EventPayload<E>) => void;

export interface SyncEvents {
  on<E extends SyncEventName>(event: E, listener: SyncListener<E>): () => void;
  emit<E extends SyncEventName>(event: E, payload: EventPayload<E>): void;
}

export function createSyncEvents(): SyncEvents {
  const byEvent = new Map<SyncEventName, Set<(payload: never) => void>>();
  return {
    on(event, listener) {
      let set = byEvent.get(event);
      if (!set) byEvent.set(event, (set = new Set()));
      const l = listener as (payload: never) => void;
      set.add(l);
      return () => void set.delete(l);
    },
    emit(event, payload) {
      // A copy: a listener may unsubscribe while the event is delivered.
      for (const l of [...(byEvent.get(event) ?? [])]) (l as SyncListener<typeof event>)(payload);
    },
  };
}
