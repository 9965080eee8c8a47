// Handlers for shared/api/messages-api.ts, registered in create-api.ts. Reads come from the
// replica (main/db/queries/message-settings.ts); commands become mutations through the sync
// client like every other edit, and the server runs the same mutator again.
import type { ApiHandlers } from '../../shared/api/contract';
import type { messagesApi } from '../../shared/api/messages-api';
import { customerMessagePrefs, messageSettingsView, myNotifyPrefs, previewMessage, previewOrders } from '../db/queries/message-settings';
import type { HandlerContext } from './handler-context';

export function messagesHandlers(ctx: HandlerContext): Pick<ApiHandlers, keyof typeof messagesApi> {
  return {
    sendTrackingLink: (a) => ctx.mutate('sendTrackingLink', a),
    messageSettings: () => messageSettingsView(ctx.replica, ctx.actor()),
    previewOrders: (a) => previewOrders(ctx.replica, a.trigger),
    previewMessage: (a) => previewMessage(ctx.replica, a, ctx.now()),
    updateMessageRule: (a) => ctx.mutate('updateMessageRule', a),
    setMessageServices: (a) => ctx.mutate('setMessageServices', a),
    updateMessageSettings: (a) => ctx.mutate('updateMessageSettings', a),
    customerMessagePrefs: (a) => customerMessagePrefs(ctx.replica, a.customerId, ctx.actor()),
    setCustomerMessagePrefs: (a) => ctx.mutate('setCustomerMessagePrefs', a),
    myNotifyPrefs: () => myNotifyPrefs(ctx.replica, ctx.userId(), ctx.actor(), 'ru'),
    setMyNotifyPrefs: (a) => ctx.mutate('setMyNotifyPrefs', a),
  };
}
