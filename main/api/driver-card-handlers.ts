// The driver card: the driver and today's orders from the replica (offline too), and the GPS
// track for a period from the server (GET /api/drivers/:id/track with the signed-in user's
// token; the server keeps tracks, the replica does not). The period and the role are checked
// here by the server's own rule (shared/domain/track-period.ts) so a wrong period is refused
// with the field named even offline; the server checks again. The answer is checked with the
// contract's schema (checkedServerCall) before it reaches the renderer.
import { TRACK_POINT_LIMIT, trackAnswerSchema } from '../../shared/api/driver-card-api';
import type { ApiHandlers } from '../../shared/api/contract';
import { mayReadTracks, trackPeriodMessage, trackPeriodProblem } from '../../shared/domain/track-period';
import type { UserRole } from '../../shared/domain/vocabulary';
import { driverCard } from '../db/queries/driver-card';
import type { ReadonlyReplica } from '../db/open-replica';
import { ApiFailure } from './api-failure';
import type { CheckedServerCall } from './server-http';

export interface DriverCardDeps {
  replica: ReadonlyReplica;
  /** The server's REST API with the signed-in user's token (server-http.ts). */
  server: CheckedServerCall;
  now: () => number;
  /** The signed-in user's role, null before the server has welcomed us (then the server decides). */
  role: () => UserRole | null;
  noSignal: () => ReadonlySet<string>;
}

export function driverCardHandlers(deps: DriverCardDeps): Pick<ApiHandlers, 'driverCard' | 'driverTrack'> {
  return {
    driverCard(a) {
      const card = driverCard(deps.replica, a.driverId, deps.now(), deps.noSignal());
      if (card === null) throw new ApiFailure('not_found', `Driver ${a.driverId} does not exist`);
      return card;
    },
    async driverTrack(a) {
      const role = deps.role();
      if (role !== null && !mayReadTracks(role)) throw new ApiFailure('forbidden', "Only dispatchers, supervisors and admins read drivers' tracks");
      const problem = trackPeriodProblem(a, deps.now());
      if (problem !== null) throw new ApiFailure('invalid_request', trackPeriodMessage(problem), { ...problem });
      const params = new URLSearchParams({ from: String(a.from), to: String(a.to), limit: String(TRACK_POINT_LIMIT) });
      return deps.server(trackAnswerSchema, 'GET', `/api/drivers/${encodeURIComponent(a.driverId)}/track?${params.toString()}`);
    },
  };
}
