import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

function fakeRoot(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-electron-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('findElectronBinary', () => {
  it('says why when the binary was never downloaded', () => {
    const r = findElectronBinary(fakeRoot({ 'node_modules/electron/package.json': '{}' }), {});
    expect(r).toMatchObject({ found: false, reason: expect.stringMatching(/never downloaded/) });
  });

  it('finds a downloaded binary through path.txt', () => {
    const root = fakeRoot({ 'node_modules/electron/package.json': '{}', 'node_modules/electron/path.txt': 'electron', 'node_modules/electron/dist/electron': '' });
    expect(findElectronBinary(root, {})).toEqual({ found: true, path: path.join(root, 'node_modules/electron/dist/electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = fakeRoot({ 'node_modules/electron/package.json': '{}', 'node_modules/electron/path.txt': 'electron', 'custom/electron': '' });
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'custom') })).toMatchObject({ found: true });
  });

  it('names what is missing: no package, or a path.txt whose binary is gone', () => {
    expect(findElectronBinary(fakeRoot({}), {})).toEqual({ found: false, reason: 'the electron package is not installed' });
    const root = fakeRoot({ 'node_modules/electron/package.json': '{}', 'node_modules/electron/path.txt': 'electron\n' });
    expect(findElectronBinary(root, {})).toEqual({ found: false, reason: `no Electron binary at ${path.join(root, 'node_modules/electron/dist/electron')}` });
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'nowhere') })).toEqual({
      found: false,
      reason: `no Electron binary at ${path.join(root, 'nowhere', 'electron')}`,
    });
  });
});
