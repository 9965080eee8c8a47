import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../testing/memory-logger';
import { DEFAULT_HISTORY_DAYS } from '../../shared/protocol/sync-window';
import { fileSettings, memorySettings, overlaySettings } from './settings-store';

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
    fs.writeFileSync(file, JSON.stringify({ language: 'fr', tileUrl: 42, serverUrl: 'http://x', historyDays: -5 }));
    const s = fileSettings(file).get();
    expect(s).toMatchObject({ language: 'auto', serverUrl: 'http://x', historyDays: DEFAULT_HISTORY_DAYS });
    expect(s.tileUrl).toContain('openstreetmap');
    fs.writeFileSync(file, '{not json');
    const logs = memoryLogger();
    expect(fileSettings(file, logs.logger).get().serverUrl).toBeNull();
    expect(logs.lines[0]).toMatchObject({ level: 40, msg: 'settings file is unreadable; using defaults', file });
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

describe('a token belongs to its server URL', () => {
  it('a new server URL without a token drops the old token, in memory and on disk', () => {
    const file = tmpFile();
    const s = fileSettings(file);
    s.update({ serverUrl: 'https://marshrut.example.kz', token: 'real-token' });
    s.update({ serverUrl: 'http://evil.example:8080' });
    expect(s.get()).toMatchObject({ serverUrl: 'http://evil.example:8080', token: null });
    expect(fs.readFileSync(file, 'utf8')).not.toContain('real-token');
    // The same URL again keeps the token; a URL with its own token takes that token.
    s.update({ serverUrl: 'https://a.example', token: 'a-token' });
    s.update({ serverUrl: 'https://a.example', language: 'en' });
    expect(s.get().token).toBe('a-token');
    s.update({ serverUrl: 'https://b.example', token: 'b-token' });
    expect(s.get()).toMatchObject({ serverUrl: 'https://b.example', token: 'b-token' });
    const m = memorySettings({ serverUrl: 'https://a.example', token: 't' });
    m.update({ serverUrl: null });
    expect(m.get().token).toBeNull();
  });

  it('a run-only server: a new URL never inherits the run token or the saved one', () => {
    const base = fileSettings(tmpFile());
    base.update({ serverUrl: 'http://saved', token: 'saved-token' });
    const s = overlaySettings(base, { serverUrl: 'http://127.0.0.1:9999', token: 'demo' });
    s.update({ serverUrl: 'http://evil.example' });
    expect(s.get()).toMatchObject({ serverUrl: 'http://evil.example', token: null });

    const base2 = fileSettings(tmpFile());
    base2.update({ serverUrl: 'http://saved', token: 'saved-token' });
    const t = overlaySettings(base2, { serverUrl: 'http://127.0.0.1:9999', token: 'demo' });
    // A token alone is for the server shown (the run's), and is not written to the file.
    t.update({ token: 'demo-2' });
    expect(t.get()).toMatchObject({ serverUrl: 'http://127.0.0.1:9999', token: 'demo-2' });
    expect(base2.get()).toMatchObject({ serverUrl: 'http://saved', token: 'saved-token' });
  });

  it('an old stored default attribution (HTML entity) reads as the text default', () => {
    const file = tmpFile();
    fs.writeFileSync(file, JSON.stringify({ tileAttribution: '&copy; OpenStreetMap contributors' }));
    expect(fileSettings(file).get().tileAttribution).toBe('© OpenStreetMap contributors');
  });
});
