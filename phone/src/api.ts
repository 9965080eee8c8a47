// The phone's HTTP client for /api/driver/*: the device token in the Authorization header
// (never in a URL), JSON in and out, and every failure as a typed answer the queue can sort
// into "retry later" (network, 429, 5xx) or "the server said no" (4xx, shown to the driver).
import type { DriverErrorBody } from '../../shared/driver-phone/phone-contract';

export const API = '/api/driver';

export type ApiAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'network' }
  | { ok: false; kind: 'retry'; status: number; error: DriverErrorBody }
  | { ok: false; kind: 'signed_out'; error: DriverErrorBody }
  | { ok: false; kind: 'refused'; status: number; error: DriverErrorBody };

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  raw?: Blob;
  headers?: Record<string, string>;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}, fetchFn: typeof fetch = fetch): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetchFn(`${API}${path}`, { method, headers, body, cache: 'no-store' });
  } catch {
    return { ok: false, kind: 'network' };
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    // A captive portal or proxy page: not our server's answer, so try again later.
    return { ok: false, kind: 'network' };
  }
  if (res.ok) return { ok: true, value: json as T };
  const error = (json ?? { error: 'unknown', message: `HTTP ${res.status}` }) as DriverErrorBody;
  if (res.status === 401) return { ok: false, kind: 'signed_out', error };
  if (res.status === 429 || res.status >= 500) return { ok: false, kind: 'retry', status: res.status, error };
  return { ok: false, kind: 'refused', status: res.status, error };
}
