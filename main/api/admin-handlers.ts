// The admin views (issue 16): the courier webhook review list, GPS devices, users and tokens.
// All of it lives on the server, so each method is one REST call with the signed-in user's own
// token (server-http.ts); the server decides who may. Answers are checked with the shared
// schemas before they reach the renderer; a refusal comes back as the command's answer with the
// server's sentence and the field it names.
import type { z } from 'zod';
import {
  attachAnswer,
  courierReviewsAnswer,
  gpsDevicesAnswer,
  issuedTokenAnswer,
  usersAnswer,
} from '../../shared/api/admin-api';
import type { ApiHandlers } from '../../shared/api/contract';
import type { CommandResult, CommandResultWith } from '../../shared/api/define';
import { ApiFailure } from './api-failure';
import type { ServerCall } from './server-http';

type Methods =
  | 'courierReviews'
  | 'attachCourierReview'
  | 'dismissCourierReview'
  | 'gpsDevices'
  | 'bindGpsDevice'
  | 'unbindGpsDevice'
  | 'listUsers'
  | 'addUser'
  | 'revokeUser'
  | 'issueUserToken';

/** The server's answer in the expected form, or an internal failure naming what it was. */
function checked<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiFailure('internal', `The server's ${what} is not in the expected form`);
  return r.data as z.output<S>;
}

/** A write: the server's refusal becomes the command's answer (nothing changed). */
async function write<Extra extends Record<string, unknown>>(run: () => Promise<Extra>): Promise<CommandResultWith<Extra>> {
  try {
    return { ok: true, mid: null, ...(await run()) };
  } catch (e) {
    if (e instanceof ApiFailure) return { ok: false, ...e.toBody() };
    throw e;
  }
}

const plain = async (run: () => Promise<unknown>): Promise<CommandResult> =>
  write(async () => {
    await run();
    return {};
  });

const seg = (s: string | number) => encodeURIComponent(String(s));

export function adminHandlers(server: ServerCall): Pick<ApiHandlers, Methods> {
  return {
    courierReviews: async () => checked(courierReviewsAnswer, await server('GET', '/api/couriers/review'), 'review list'),
    attachCourierReview: (a) =>
      write(async () => ({ answer: checked(attachAnswer, await server('POST', `/api/couriers/review/${seg(a.reviewId)}/attach`, { orderNumber: a.orderNumber }), 'answer') })),
    dismissCourierReview: (a) => plain(() => server('POST', `/api/couriers/review/${seg(a.reviewId)}/dismiss`, a.note === undefined ? {} : { note: a.note })),
    gpsDevices: async () => checked(gpsDevicesAnswer, await server('GET', '/api/gps/devices'), 'device list'),
    // Device ids are secrets: they go in the body, never in the path.
    bindGpsDevice: (a) => plain(() => server('POST', '/api/gps/devices/bind', { deviceId: a.deviceId, driverId: a.driverId })),
    unbindGpsDevice: (a) => plain(() => server('POST', '/api/gps/devices/unbind', { deviceId: a.deviceId })),
    listUsers: async () => checked(usersAnswer, await server('GET', '/api/users'), 'user list').users,
    addUser: (a) => write(async () => checked(issuedTokenAnswer, await server('POST', '/api/users', a), 'new user')),
    revokeUser: (a) => plain(() => server('POST', `/api/users/${seg(a.userId)}/revoke`)),
    issueUserToken: (a) => write(async () => checked(issuedTokenAnswer, await server('POST', `/api/users/${seg(a.userId)}/token`), 'token')),
  };
}
