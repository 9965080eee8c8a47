import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSettings, overlaySettings } from './settings-store';

const tmpFile = (): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-settings-')), 'settings.json');

describe('settings store', () => {
  it('persists, reads back, and keeps the token file private', () => {
    const file = tmpFile();
    fileSettings(file).update({ serverUrl: 'http://10.0.0.5:8080', token: 'secret', language: 'ru' });
    expect(fileSettings(file).get()).toMatchObject({ serverUrl: 'http://10.0.0.5:8080', token: 'secret', language: 'ru' });
    expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('falls back to defaults for bad fields and an unreadable file, and says so', () => {
    const file = tmpFile();
    fs.writeFileSync(file, JSON.stringify({ language: 'fr', tileUrl: 42, serverUrl: 'http://x' }));
    const s = fileSettings(file).get();
    expect(s).toMatchObject({ language: 'auto', serverUrl: 'http://x' });
    expect(s.tileUrl).toContain('openstreetmap');
    fs.writeFileSync(file, '{not json');
    const logs: string[] = [];
    expect(fileSettings(file, (m) => logs.push(m)).get().serverUrl).toBeNull();
    expect(logs[0]).toMatch(/unreadable/);
  });

  it('overlays a run-only server without saving it, until the user saves another', () => {
    const file = tmpFile();
    const base = fileSettings(file);
    base.update({ serverUrl: 'http://saved', token: 'saved-token' });
    const s = overlaySettings(base, { serverUrl: 'http://127.0.0.1:9999', token: 'demo' });
    expect(s.get()).toMatchObject({ serverUrl: 'http://127.0.0.1:9999', token: 'demo' });
    s.update({ lastUser: { id: 'u1', name: 'Demo', role: 'dispatcher' } });
    s.update({ language: 'en' });
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ serverUrl: 'http://saved', token: 'saved-token', language: 'en', lastUser: null });
    s.update({ serverUrl: 'http://real:8080', token: 'real' });
    expect(s.get()).toMatchObject({ serverUrl: 'http://real:8080', token: 'real' });
  });
});
