// When something happened, as the event time we record: the time its source claims, but never
// after the server's clock. One rule for every source (desktop pushes, courier webhooks, GPS
// marks, the scheduler): a fast client clock or a forged `at` in 2100 must not put an event
// in the future, where it would outrank every later manual change.

/** The recorded time of an event claimed to happen at `claimed`, decided at `now` (both ms). */
export function eventTimeAt(claimed: number, now: number): number {
  return Math.min(claimed, now);
}
