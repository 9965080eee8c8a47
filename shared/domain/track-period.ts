// Which periods of a driver's GPS track may be asked for, and who may ask: one rule for the
// server's GET /api/drivers/:id/track, main's driverTrack call and the driver card's period
// picker. A driver's track is where a person was: only the desk reads it.
import { DEFAULT_UTC_OFFSET_MINUTES } from '../locale/format';
import { DESK_ROLES, type UserRole } from './vocabulary';

/** Roles that may read a driver's track (the server answers others 403). */
export const TRACK_ROLES: readonly UserRole[] = DESK_ROLES;

/** The longest period one request may span: a week (a moving phone sends ~36,000 fixes a day). */
export const MAX_TRACK_PERIOD_MS = 7 * 86_400_000;
/**
 * A period may end later today ("until the end of the shift", a script asking for the day);
 * a `to` more than a day ahead is a typo (a year 2100).
 */
export const TRACK_FUTURE_SLACK_MS = 86_400_000;
/** Nothing is older than this system; an earlier time is a typo too. */
export const TRACK_EARLIEST_MS = Date.UTC(2000, 0, 1);

export type TrackPeriodProblem =
  | { field: 'from'; reason: 'after_to' | 'too_early' }
  | { field: 'to'; reason: 'future' | 'too_long' };

export function mayReadTracks(role: UserRole | null | undefined): boolean {
  const roles: readonly (UserRole | null | undefined)[] = TRACK_ROLES; // includes() answers false for no role
  return roles.includes(role);
}

/** Null when the period may be asked for; else the first field that is wrong and why. */
export function trackPeriodProblem(period: { from: number; to: number }, now: number): TrackPeriodProblem | null {
  if (period.from < TRACK_EARLIEST_MS) return { field: 'from', reason: 'too_early' };
  if (period.to > now + TRACK_FUTURE_SLACK_MS) return { field: 'to', reason: 'future' };
  if (period.from > period.to) return { field: 'from', reason: 'after_to' };
  if (period.to - period.from > MAX_TRACK_PERIOD_MS) return { field: 'to', reason: 'too_long' };
  return null;
}

/** The problem as one English sentence naming the field (the server's 400, main's refusal). */
export function trackPeriodMessage(p: TrackPeriodProblem): string {
  switch (p.reason) {
    case 'after_to':
      return 'from: the period starts after it ends';
    case 'too_early':
      return 'from: before the year 2000';
    case 'future':
      return 'to: more than a day ahead';
    case 'too_long':
      return `to: the period is longer than ${MAX_TRACK_PERIOD_MS / 86_400_000} days`;
  }
}

export const TRACK_PRESETS = ['today', 'last2h'] as const;
export type TrackPreset = (typeof TRACK_PRESETS)[number];

/** Today = since the company's midnight (UTC+5 unless said otherwise); last2h = the last two hours. */
export function trackPresetPeriod(preset: TrackPreset, now: number, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): { from: number; to: number } {
  if (preset === 'last2h') return { from: now - 2 * 3_600_000, to: now };
  const offset = utcOffsetMinutes * 60_000;
  const midnight = Math.floor((now + offset) / 86_400_000) * 86_400_000 - offset;
  return { from: midnight, to: now };
}
