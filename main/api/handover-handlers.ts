// Handing orders over (issue 16): the three hand-over commands are sync mutations like any
// other (applied to the replica at once, then run again by the server); the courier services
// to choose from come from the server's courier configuration, checked by a schema before the
// UI sees them.
import type { ApiHandlers } from '../../shared/api/contract';
import { courierProvidersAnswer } from '../../shared/api/handover-api';
import type { HandlerContext } from './handler-context';
import type { CheckedServerCall } from './server-http';

type Methods = 'courierProviders' | 'handToCarrier' | 'handToCourier' | 'handToOwnFleet';

export function handoverHandlers(ctx: HandlerContext, server: CheckedServerCall): Pick<ApiHandlers, Methods> {
  return {
    courierProviders: () => server(courierProvidersAnswer, 'GET', '/api/couriers/providers'),
    handToCarrier: (a) => ctx.mutate('handToCarrier', a),
    handToCourier: (a) => ctx.mutate('handToCourier', a),
    handToOwnFleet: (a) => ctx.mutate('handToOwnFleet', a),
  };
}
