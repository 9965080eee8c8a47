// "A slower older answer never overwrites a newer one", for store actions that ask as the user
// types or switches. The ticket is a field of the store's own state, not a module counter, so a
// reset store (a test, a reopened dialog, another window) shares nothing, and an answer to a
// request made before the reset is dropped too (a fresh symbol never equals an old one).

interface TicketStore<S> {
  getState(): S;
  setState(partial: Partial<S>): void;
}

/** No request asked yet (or the store was reset). */
export type RequestTicket = symbol | null;

/** Issues a new ticket in `store[key]`; the answer is still wanted while it returns true. */
export function startLatestRequest<K extends string, S extends Record<K, RequestTicket>>(store: TicketStore<S>, key: K): () => boolean {
  const ticket = Symbol(key);
  store.setState({ [key]: ticket } as Partial<S>);
  return () => store.getState()[key] === ticket;
}
