// GET /health is public (status and version only, for load balancers); the full report and
// GET /metrics (the same numbers in Prometheus text) need an admin's token.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { prometheusText } from './metrics';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
  t.server.addHealth('gps', () => ({ accepted: 5, rejected: { jump: 2, futureFix: 1 }, unknownDevices: { listed: 3, dropped: 0 }, note: 'text is left out' }));
});
afterEach(async () => {
  await t.stop();
});

const get = (path: string, token?: string): Promise<Response> =>
  fetch(`${t.server.url}${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

describe('GET /health', () => {
  it('answers without a token with status and version only', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: '0.1.0' });
  });

  it('shows the full report to an admin only; other roles and bad tokens get the public answer', async () => {
    const full = (await (await get('/health', t.tokens['u-admin'])).json()) as Record<string, unknown>;
    expect(full).toMatchObject({ status: 'ok', version: '0.1.0', counts: { orders: expect.any(Number) }, gps: { accepted: 5 } });
    for (const token of [t.tokens['u-dispatcher'], t.tokens['u-supervisor'], 'wrong-token']) {
      expect(await (await get('/health', token)).json()).toEqual({ status: 'ok', version: '0.1.0' });
    }
  });
});

describe('GET /metrics', () => {
  it('needs an admin token: 401 without, 403 for other roles', async () => {
    expect((await get('/metrics')).status).toBe(401);
    expect((await get('/metrics', 'wrong-token')).status).toBe(401);
    expect((await get('/metrics', t.tokens['u-dispatcher'])).status).toBe(403);
  });

  it('gives the /health numbers in the Prometheus text format', async () => {
    const res = await get('/metrics', t.tokens['u-admin']);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('marshrut_build_info{version="0.1.0"} 1');
    expect(text).toMatch(/^# TYPE marshrut_gps_accepted gauge\nmarshrut_gps_accepted 5$/m);
    expect(text).toMatch(/^marshrut_gps_rejected_jump 2$/m);
    expect(text).toMatch(/^marshrut_gps_rejected_future_fix 1$/m);
    expect(text).toMatch(/^marshrut_gps_unknown_devices_dropped 0$/m);
    expect(text).toMatch(/^marshrut_counts_orders \d+$/m);
    expect(text).toMatch(/^marshrut_sync_head_seq \d+$/m);
    // The process's own memory (issue 19: measure the server's RSS).
    expect(text).toMatch(/^marshrut_process_rss_bytes [1-9]\d*$/m);
    expect(text).toMatch(/^marshrut_process_heap_used_bytes [1-9]\d*$/m);
    expect(text).not.toContain('text is left out');
    // Every sample line is `name value` with a legal metric name.
    for (const line of text.trim().split('\n')) {
      if (line.startsWith('#')) continue;
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? -?[0-9.e+-]+$/);
    }
  });
});

describe('prometheusText', () => {
  it('turns booleans into 0/1, skips non-finite numbers and arrays, escapes the version label', () => {
    const text = prometheusText({ version: 'a"b\\c', ok: true, off: false, nan: Number.NaN, list: [1, 2], deep: { x: { yZ: 3 } } });
    expect(text).toContain('marshrut_build_info{version="a\\"b\\\\c"} 1');
    expect(text).toMatch(/^marshrut_ok 1$/m);
    expect(text).toMatch(/^marshrut_off 0$/m);
    expect(text).toMatch(/^marshrut_deep_x_y_z 3$/m);
    expect(text).not.toMatch(/nan|list/);
  });
});
