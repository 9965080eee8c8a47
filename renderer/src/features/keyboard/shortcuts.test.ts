import { describe, expect, it } from 'vitest';
import { isMovement, moveCursor, resolveShortcut, type KeyContext } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const idle: KeyContext = { inTextField: false, inSearch: false, dialogOpen: false, onConsole: true };

describe('resolveShortcut', () => {
  it('focuses search with / and Ctrl+K (also on a Russian layout)', () => {
    expect(resolveShortcut(key('/'), idle)).toBe('focus_search');
    expect(resolveShortcut(key('k', { ctrlKey: true }), idle)).toBe('focus_search');
    expect(resolveShortcut(key('K', { metaKey: true }), { ...idle, inTextField: true })).toBe('focus_search');
    expect(resolveShortcut(key('л', { ctrlKey: true }), idle)).toBe('focus_search');
  });

  it('moves, opens and assigns from the queue', () => {
    expect(resolveShortcut(key('ArrowDown'), idle)).toBe('down');
    expect(resolveShortcut(key('ArrowUp'), idle)).toBe('up');
    expect(resolveShortcut(key('PageDown'), idle)).toBe('page_down');
    expect(resolveShortcut(key('Home'), idle)).toBe('first');
    expect(resolveShortcut(key('End'), idle)).toBe('last');
    expect(resolveShortcut(key('Enter'), idle)).toBe('open');
    expect(resolveShortcut(key('a'), idle)).toBe('assign');
    expect(resolveShortcut(key('ф'), idle)).toBe('assign');
    expect(resolveShortcut(key('a', { ctrlKey: true }), idle)).toBeNull();
  });

  it('lets typing be typing, except arrows and Enter in the search box', () => {
    const typing = { ...idle, inTextField: true };
    expect(resolveShortcut(key('a'), typing)).toBeNull();
    expect(resolveShortcut(key('/'), typing)).toBeNull();
    expect(resolveShortcut(key('ArrowDown'), typing)).toBeNull();
    const search = { ...typing, inSearch: true };
    expect(resolveShortcut(key('ArrowDown'), search)).toBe('down');
    expect(resolveShortcut(key('Enter'), search)).toBe('open');
    expect(resolveShortcut(key('a'), search)).toBeNull();
  });

  it('gives a dialog every key but Escape', () => {
    const dialog = { ...idle, dialogOpen: true };
    expect(resolveShortcut(key('ArrowDown'), dialog)).toBeNull();
    expect(resolveShortcut(key('a'), dialog)).toBeNull();
    expect(resolveShortcut(key('k', { ctrlKey: true }), dialog)).toBeNull();
    expect(resolveShortcut(key('Escape'), dialog)).toBe('escape');
  });

  it('ignores queue keys off the console, but search still works', () => {
    const settings = { ...idle, onConsole: false };
    expect(resolveShortcut(key('ArrowDown'), settings)).toBeNull();
    expect(resolveShortcut(key('a'), settings)).toBeNull();
    expect(resolveShortcut(key('/'), settings)).toBe('focus_search');
  });
});

describe('moveCursor', () => {
  it('stays inside the list', () => {
    expect(moveCursor(0, 'up', 10, 5)).toBe(0);
    expect(moveCursor(0, 'down', 10, 5)).toBe(1);
    expect(moveCursor(9, 'down', 10, 5)).toBe(9);
    expect(moveCursor(3, 'page_down', 10, 5)).toBe(8);
    expect(moveCursor(8, 'page_down', 10, 5)).toBe(9);
    expect(moveCursor(3, 'page_up', 10, 5)).toBe(0);
    expect(moveCursor(3, 'last', 10, 5)).toBe(9);
    expect(moveCursor(3, 'first', 10, 5)).toBe(0);
  });

  it('handles an empty list and a shrunk one', () => {
    expect(moveCursor(4, 'down', 0, 5)).toBe(0);
    expect(moveCursor(40, 'up', 10, 5)).toBe(9);
    expect(isMovement('open')).toBe(false);
    expect(isMovement('page_up')).toBe(true);
  });
});
