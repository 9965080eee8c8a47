// Signing the phone in: the one-time link arrives as `/driver#link=TOKEN`. The token is read
// from the fragment (browsers never send fragments to servers), wiped from the address bar and
// history at once, and exchanged exactly once for a device token kept in IndexedDB.
import { LINK_FRAGMENT_KEY, type DriverSessionView } from '../../shared/driver-phone/phone-contract';
import { request, type ApiAnswer } from './api';
import { del, get, put } from './idb';

export interface StoredSession {
  token: string;
  deviceId: string;
  driver: { id: string; name: string };
}

/** Takes the link token out of the URL (and out of history) and returns it, if there was one. */
export function takeLinkToken(loc: Location, hist: History): string | null {
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const token = params.get(LINK_FRAGMENT_KEY);
  if (token === null) return null;
  hist.replaceState(null, '', loc.pathname);
  return token;
}

export async function exchange(db: IDBDatabase, linkToken: string, fetchFn: typeof fetch = fetch): Promise<ApiAnswer<StoredSession>> {
  const answer = await request<DriverSessionView>('POST', '/session', { headers: { 'x-driver-link': linkToken } }, fetchFn);
  if (!answer.ok) return answer;
  const session: StoredSession = { token: answer.value.deviceToken, deviceId: answer.value.deviceId, driver: answer.value.driver };
  await put(db, 'kv', session, 'session');
  return { ok: true, value: session };
}

export function loadSession(db: IDBDatabase): Promise<StoredSession | undefined> {
  return get<StoredSession>(db, 'kv', 'session');
}

export function forgetSession(db: IDBDatabase): Promise<undefined> {
  return del(db, 'kv', 'session');
}
