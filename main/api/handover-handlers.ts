// Handing orders over (issue 16): the three hand-over commands are sync mutations like any
// other (applied to the replica at once, then run again by the server); the courier services
// to choose from come from the server's courier configuration, checked by a schema before the
// UI sees them.
import type { ApiHandlers } from '../../shared/api/contract';
import { courierProvidersAnswer } from '../../shared/api/handover-api';
import { ApiFailure } from './api-failure';
import type { HandlerContext } from './handler-context';
import type { ServerCall } from './server-http';

type Methods = 'courierProviders' | 'handToCarrier' | 'handToCourier' | 'handToOwnFleet';

export function handoverHandlers(ctx: HandlerContext, server: ServerCall): Pick<ApiHandlers, Methods> {
  return {
    async courierProviders() {
      const r = courierProvidersAnswer.safeParse(await server('GET', '/api/couriers/providers'));
      if (!r.success) throw new ApiFailure('internal', "The server's list of courier services is not in the expected form");
      return r.data;
    },
    handToCarrier: (a) => ctx.mutate('handToCarrier', a),
    handToCourier: (a) => ctx.mutate('handToCourier', a),
    handToOwnFleet: (a) => ctx.mutate('handToOwnFleet', a),
  };
}
