// Handlers for shared/api/messages-api.ts, registered in create-api.ts. Commands become
// mutations through the sync client like every other edit.
import type { ApiHandlers } from '../../shared/api/contract';
import type { messagesApi } from '../../shared/api/messages-api';
import type { HandlerContext } from './handler-context';

export function messagesHandlers(ctx: HandlerContext): Pick<ApiHandlers, keyof typeof messagesApi> {
  return {
    sendTrackingLink: (a) => ctx.mutate('sendTrackingLink', a),
  };
}
