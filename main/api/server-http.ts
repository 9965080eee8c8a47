// Calls from main to the central server's REST API with the signed-in user's own token (the
// server checks the role): the admin views and the courier providers (issue 16). The token
// travels in the Authorization header only; refusals come back as ApiFailure with the server's
// sentence.
import type { SettingsStore } from '../settings/settings-store';
import { ApiFailure } from './api-failure';

/** Bodies from the server are small JSON; anything larger is not ours. */
const MAX_ANSWER_CHARS = 2 * 1024 * 1024;

export type ServerCall = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => Promise<unknown>;

export function serverCall(settings: SettingsStore, fetchFn: typeof fetch = fetch): ServerCall {
  return async (method, path, body) => {
    const s = settings.get();
    if (s.serverUrl === null || s.token === null) throw new ApiFailure('unavailable', 'No server is configured: set the server address and token in Settings');
    let res: Response;
    try {
      res = await fetchFn(`${s.serverUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers: { authorization: `Bearer ${s.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new ApiFailure('unavailable', `The server can't be reached: ${(e as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    if (text.length > MAX_ANSWER_CHARS) throw new ApiFailure('internal', 'The server answered more than expected');
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: the status says enough
    }
    if (res.ok) return json;
    const message = (json as { message?: unknown } | null)?.message;
    const code = res.status === 401 ? 'unauthorized' : res.status === 403 ? 'forbidden' : res.status === 404 ? 'not_found' : res.status === 400 || res.status === 409 || res.status === 422 ? 'invalid_request' : 'unavailable';
    throw new ApiFailure(code, typeof message === 'string' ? message.slice(0, 500) : `The server answered ${res.status}`);
  };
}
