// Subscriptions main -> renderer, typed by the contract's event map. Each host forwards every
// event to its renderers (IPC webContents.send, or the local WebSocket).
import type { Logger } from '../../platform/log/logger';
import type { EventName, EventPayload } from '../../shared/api/events';

type AnyListener = (event: EventName, payload: unknown) => void;

export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Every event, for transports. */
  onAny(listener: AnyListener): () => void;
}

export function createEventHub(logger: Logger): EventHub {
  const byEvent = new Map<EventName, Set<(payload: unknown) => void>>();
  const any = new Set<AnyListener>();
  // A broken listener must not stop the others (one closed window must not mute the rest).
  const safely = (fn: () => void): void => {
    try {
      fn();
    } catch (err) {
      logger.error({ err }, 'event listener failed');
    }
  };
  return {
    emit(event, payload) {
      for (const l of byEvent.get(event) ?? []) safely(() => l(payload));
      for (const l of any) safely(() => l(event, payload));
    },
    on(event, listener) {
      let set = byEvent.get(event);
      if (!set) byEvent.set(event, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    onAny(listener) {
      any.add(listener);
      return () => any.delete(listener);
    },
  };
}
