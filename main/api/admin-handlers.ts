// The admin views (issue 16): the courier webhook review list, GPS devices, users and tokens.
// All of it lives on the server, so each method is one REST call with the signed-in user's own
// token (server-http.ts); the server decides who may. Answers are checked with the shared
// schemas (checkedServerCall) before they reach the renderer; a refusal comes back as the
// command's answer with the server's sentence and the field it names.
import {
  attachAnswer,
  boundAnswer,
  courierReviewsAnswer,
  dismissedAnswer,
  gpsDevicesAnswer,
  issuedTokenAnswer,
  revokedAnswer,
  unboundAnswer,
  usersAnswer,
} from '../../shared/api/admin-api';
import type { ApiHandlers } from '../../shared/api/contract';
import type { CommandResult, CommandResultWith } from '../../shared/api/define';
import { ApiFailure } from './api-failure';
import type { CheckedServerCall } from './server-http';

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

/** A write: the server's refusal (or an answer not in the contract's form) becomes the command's answer. */
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

export function adminHandlers(server: CheckedServerCall): Pick<ApiHandlers, Methods> {
  return {
    courierReviews: () => server(courierReviewsAnswer, 'GET', '/api/couriers/review'),
    attachCourierReview: (a) =>
      write(async () => ({ answer: await server(attachAnswer, 'POST', `/api/couriers/review/${seg(a.reviewId)}/attach`, { orderNumber: a.orderNumber }) })),
    dismissCourierReview: (a) => plain(() => server(dismissedAnswer, 'POST', `/api/couriers/review/${seg(a.reviewId)}/dismiss`, a.note === undefined ? {} : { note: a.note })),
    gpsDevices: () => server(gpsDevicesAnswer, 'GET', '/api/gps/devices'),
    // Device ids are secrets: they go in the body, never in the path.
    bindGpsDevice: (a) => plain(() => server(boundAnswer, 'POST', '/api/gps/devices/bind', { deviceId: a.deviceId, driverId: a.driverId })),
    unbindGpsDevice: (a) => plain(() => server(unboundAnswer, 'POST', '/api/gps/devices/unbind', { deviceId: a.deviceId })),
    listUsers: async () => (await server(usersAnswer, 'GET', '/api/users')).users,
    addUser: (a) => write(() => server(issuedTokenAnswer, 'POST', '/api/users', a)),
    revokeUser: (a) => plain(() => server(revokedAnswer, 'POST', `/api/users/${seg(a.userId)}/revoke`)),
    issueUserToken: (a) => write(() => server(issuedTokenAnswer, 'POST', `/api/users/${seg(a.userId)}/token`)),
  };
}
