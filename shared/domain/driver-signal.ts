// "No signal": when a driver's position must not be trusted. The server decides it for every
// fix it takes (it also sees a phone repeating one cached fix); the desktop shows the server's
// word and, between frames or offline, lets the same age threshold turn a marker grey.

/** A last fix older than this means no signal. */
export const NO_SIGNAL_AFTER_MS = 5 * 60_000;
/** A phone sending the same fix time this many times in a row is stuck on a cached fix. */
export const REPEATS_FOR_NO_SIGNAL = 3;

export function hasNoSignal(d: { fixAt: number | null; noSignal?: boolean }, now: number, afterMs: number = NO_SIGNAL_AFTER_MS): boolean {
  return d.noSignal === true || d.fixAt === null || now - d.fixAt > afterMs;
}
