import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowState, saveWindowState, visibleBounds } from './window-state';

describe('window state', () => {
  it('round-trips through the file and ignores a corrupt one', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-win-')), 'w.json');
    expect(loadWindowState(file)).toBeNull();
    saveWindowState(file, { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
    expect(loadWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
    fs.writeFileSync(file, '{"bounds":{"x":"a"}}');
    expect(loadWindowState(file)).toBeNull();
  });

  it('drops a position that is no longer on any display', () => {
    const screen = { x: 0, y: 0, width: 1920, height: 1080 };
    const onScreen = { x: 100, y: 100, width: 1200, height: 800 };
    expect(visibleBounds(onScreen, [screen])).toEqual(onScreen);
    expect(visibleBounds({ ...onScreen, x: 2500 }, [screen])).toBeNull();
    expect(visibleBounds({ ...onScreen, x: 2500 }, [screen, { x: 1920, y: 0, width: 2560, height: 1440 }])).not.toBeNull();
  });
});
