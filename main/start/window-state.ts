// The window's size and position, remembered between runs in window-state.json. Kept free of
// Electron (the shell passes the displays in) so the rules are testable: a saved position on
// a monitor that is gone must not open the window off-screen.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
});
const stateSchema = z.object({ bounds: boundsSchema, maximized: z.boolean().default(false) });
export type WindowState = z.infer<typeof stateSchema>;
export type Rect = z.infer<typeof boundsSchema>;

export const DEFAULT_WINDOW = { width: 1440, height: 900 };

export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}

/** The saved bounds if at least a 100x50 piece of the title area is on some display, else null. */
export function visibleBounds(saved: Rect, displays: readonly Rect[]): Rect | null {
  const visible = displays.some((d) => {
    const w = Math.min(saved.x + saved.width, d.x + d.width) - Math.max(saved.x, d.x);
    const h = Math.min(saved.y + 50, d.y + d.height) - Math.max(saved.y, d.y);
    return w >= 100 && h >= 50;
  });
  return visible ? saved : null;
}
