// GET /api/drivers/:id/track?from=&to=&limit= : a driver's stored track, oldest first.
// `from`/`to` are Unix ms or ISO 8601 (default: the last 24 hours up to now). Same bearer
// tokens as the rest of the API (the router checks them before this runs); only the desk reads
// tracks (shared/domain/track-period.ts: where a person was), others get 403. The period is
// checked by the same rule as the console's (at most 7 days, from <= to, ending at most a day ahead):
// a refusal is 400 naming the field.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { summarize } from '../../shared/protocol';
import { sendJson, type Router } from '../http/router';
import type { TrackRow } from './gps-store';
import { parseIsoTime } from './wire-time';
import { mayReadTracks, trackPeriodMessage, trackPeriodProblem } from '../../shared/domain/track-period';

const DAY_MS = 86_400_000;

const instant = z.string().transform((s, ctx) => {
  const t = /^\d+$/.test(s) ? Number(s) : parseIsoTime(s);
  if (t === null || !Number.isSafeInteger(t)) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not Unix milliseconds or ISO 8601` });
    return z.NEVER;
  }
  return t;
});

export const trackQuery = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(50_000).default(10_000),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, 'from must not be after to');

/** A stored track row as the track route answers it (no device, battery or receipt time). */
type TrackPoint = Pick<TrackRow, 'fixAt' | 'lat' | 'lon' | 'speedKmh' | 'headingDeg' | 'accuracyM'>;

export function mountTrackRoute(router: Pick<Router, 'addRoute'>, sqlite: Database.Database, flush: () => void, clock: () => number): void {
  const driverExists = sqlite.prepare<[string], { id: string }>('SELECT id FROM drivers WHERE id = ?');
  const track = sqlite.prepare<[string, number, number, number], TrackPoint>(
    `SELECT fix_at AS fixAt, lat, lon, speed_kmh AS speedKmh, heading_deg AS headingDeg, accuracy_m AS accuracyM
     FROM driver_tracks WHERE driver_id = ? AND fix_at >= ? AND fix_at <= ? ORDER BY fix_at LIMIT ?`,
  );
  router.addRoute({
    method: 'GET',
    path: '/api/drivers/:id/track',
    handler({ res, params, query, user }) {
      if (!mayReadTracks(user?.role)) return sendJson(res, 403, { error: 'forbidden', message: "Only dispatchers, supervisors and admins read drivers' tracks" });
      const driverId = params['id'] ?? '';
      const parsed = trackQuery.safeParse(Object.fromEntries(query));
      if (!parsed.success) return sendJson(res, 400, { error: 'bad_request', message: summarize(parsed.error) });
      if (driverExists.get(driverId) === undefined) {
        return sendJson(res, 404, { error: 'not_found', message: `No driver ${driverId}` });
      }
      const to = parsed.data.to ?? clock();
      const from = parsed.data.from ?? to - DAY_MS;
      const problem = trackPeriodProblem({ from, to }, clock());
      if (problem !== null) return sendJson(res, 400, { error: 'bad_request', message: trackPeriodMessage(problem), field: problem.field });
      // The newest fixes may still wait in the batch: write them so the answer is current.
      flush();
      const rows = track.all(driverId, from, to, parsed.data.limit + 1);
      const truncated = rows.length > parsed.data.limit;
      sendJson(res, 200, { driverId, from, to, points: truncated ? rows.slice(0, -1) : rows, truncated });
    },
  });
}
