import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, CSP_PLACEHOLDER, injectCspMeta } from '../../shared/security/content-security-policy';
import { projectRoot } from '../start/paths';
import { isAllowedExternalUrl, permissionAllowed, REQUIRED_FUSES } from './electron-policy';

const read = (file: string): string => fs.readFileSync(path.join(projectRoot(), file), 'utf8');

/** The `electronFuses:` block of electron-builder.yml as key -> boolean. */
function builderFuses(): Record<string, boolean> {
  const lines = read('electron-builder.yml').split('\n');
  const start = lines.findIndex((l) => l.startsWith('electronFuses:'));
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0);
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+(\w+):\s*(true|false)\s*$/.exec(line);
    if (!m?.[1]) break;
    fuses[m[1]] = m[2] === 'true';
  }
  return fuses;
}

describe('Electron security policy', () => {
  it('electron-builder flips exactly the required fuses', () => {
    expect(builderFuses()).toEqual(REQUIRED_FUSES);
    expect(REQUIRED_FUSES).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(read('electron-builder.yml')).toMatch(/^asar: true$/m);
  });

  it('opens only allow-listed https links outside the app', () => {
    for (const ok of ['https://www.openstreetmap.org/copyright', 'https://leafletjs.com', 'https://osmfoundation.org/wiki/Licence']) {
      expect(isAllowedExternalUrl(ok), ok).toBe(true);
    }
    for (const bad of [
      'http://www.openstreetmap.org/copyright',
      'https://www.openstreetmap.org.evil.example/',
      'https://evil.example/?https://www.openstreetmap.org',
      'https://user:pw@www.openstreetmap.org/',
      'https://www.openstreetmap.org:8443/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://console/index.html',
      'smb://fileserver/share',
      'not a url',
      '',
    ]) {
      expect(isAllowedExternalUrl(bad), bad).toBe(false);
    }
  });

  it('grants no Chromium permission but a clipboard write from the app itself', () => {
    const app = 'app://console';
    expect(permissionAllowed('clipboard-sanitized-write', 'app://console/index.html', app)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example/', app)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', 'app://console.evil/', app)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'fullscreen', 'pointerLock']) {
      expect(permissionAllowed(p, 'app://console/index.html', app), p).toBe(false);
    }
    expect(permissionAllowed('clipboard-sanitized-write', 'garbage', app)).toBe(false);
  });

  it('one CSP: index.html gets it from the build, the shell and the web host import it', () => {
    const html = read('renderer/index.html');
    expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    const built = injectCspMeta(html, CONTENT_SECURITY_POLICY_META);
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(built)?.[1];
    // The header's directives, each with the same value, minus only what a <meta> can't carry.
    const header = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d] as const));
    const metaDirectives = (meta ?? '').split('; ');
    expect(metaDirectives.map((d) => header.get(d.split(' ')[0]))).toEqual(metaDirectives);
    expect([...header.keys()].filter((k) => !metaDirectives.some((d) => d.startsWith(`${k} `)))).toEqual(['frame-ancestors']);
    expect(read('electron.vite.config.ts')).toContain('CONTENT_SECURITY_POLICY_META');
    expect(() => injectCspMeta('<html></html>', CONTENT_SECURITY_POLICY)).toThrow(CSP_PLACEHOLDER);
    expect(read('electron.vite.config.ts')).toContain('injectCspMeta(');
    // No second policy text anywhere a response header is set.
    for (const file of ['main/electron-shell.ts', 'main/hosts/web-host.ts']) {
      const src = read(file);
      expect(src, file).toContain('CONTENT_SECURITY_POLICY');
      expect(src, file).not.toMatch(/default-src|script-src/);
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe|unsafe-eval/);
  });
});
