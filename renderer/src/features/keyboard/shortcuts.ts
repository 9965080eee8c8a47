// Keyboard commands for the console, as pure functions: which key means what in which context,
// and where the queue cursor goes. The listener (use-shortcuts.ts) only dispatches the result.
//
//   /  or Ctrl+K   focus the search box         ↑ ↓ PgUp PgDn Home End   move through the queue
//   Enter          open the order under cursor   A                      assign a driver
//   Esc            close the dialog, then the card; in the search box, go back to the queue
//   N              a new order (the form)

export type Command =
  | 'focus_search'
  | 'up'
  | 'down'
  | 'page_up'
  | 'page_down'
  | 'first'
  | 'last'
  | 'open'
  | 'assign'
  | 'new_order'
  | 'escape';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface KeyContext {
  /** Focus is in a text input, textarea, select or contenteditable. */
  inTextField: boolean;
  /** ...and that field is the queue's search box (arrows and Enter still drive the queue). */
  inSearch: boolean;
  /** A modal dialog is open: it owns every key but Escape. */
  dialogOpen: boolean;
  /** The console screen is showing (queue shortcuts mean nothing on Settings). */
  onConsole: boolean;
}

const NAVIGATION: Readonly<Record<string, Command>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageUp: 'page_up',
  PageDown: 'page_down',
  Enter: 'open',
};

export function resolveShortcut(k: KeyInput, ctx: KeyContext): Command | null {
  if (k.key === 'Escape') return 'escape';
  if (ctx.dialogOpen) return null;
  const mod = k.ctrlKey || k.metaKey;
  if (mod && !k.altKey && (k.key === 'k' || k.key === 'K' || k.key === 'л' || k.key === 'Л')) return 'focus_search';
  if (mod || k.altKey) return null;
  if (ctx.inTextField) {
    return ctx.inSearch && ctx.onConsole ? (NAVIGATION[k.key] ?? null) : null;
  }
  if (k.key === '/') return 'focus_search';
  // 'т' is N's key on a Russian layout.
  if (k.key === 'n' || k.key === 'N' || k.key === 'т' || k.key === 'Т') return 'new_order';
  if (!ctx.onConsole) return null;
  const nav = NAVIGATION[k.key];
  if (nav) return nav;
  if (k.key === 'Home') return 'first';
  if (k.key === 'End') return 'last';
  // 'ф' is A's key on a Russian layout: the shortcut follows the key, not the letter.
  if (k.key === 'a' || k.key === 'A' || k.key === 'ф' || k.key === 'Ф') return 'assign';
  return null;
}

/** The cursor after a movement command, kept inside [0, total - 1]. */
export function moveCursor(cursor: number, command: Command, total: number, pageSize: number): number {
  if (total <= 0) return 0;
  const last = total - 1;
  const clamp = (n: number): number => Math.max(0, Math.min(last, n));
  switch (command) {
    case 'up':
      return clamp(cursor - 1);
    case 'down':
      return clamp(cursor + 1);
    case 'page_up':
      return clamp(cursor - Math.max(1, pageSize));
    case 'page_down':
      return clamp(cursor + Math.max(1, pageSize));
    case 'first':
      return 0;
    case 'last':
      return last;
    default:
      return clamp(cursor);
  }
}

export function isMovement(c: Command): boolean {
  return c === 'up' || c === 'down' || c === 'page_up' || c === 'page_down' || c === 'first' || c === 'last';
}
