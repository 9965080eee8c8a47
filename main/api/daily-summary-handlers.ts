// Handlers for the daily summary's two methods in shared/api/reports-api.ts: the setting read
// from the replica, and the admin's change as a mutation (the server runs setDailySummary again
// and sends the e-mails; the desktop never does).
import type { ApiHandlers } from '../../shared/api/contract';
import { dailySummaryView } from '../db/queries/daily-summary';
import type { HandlerContext } from './handler-context';

export function dailySummaryHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'dailySummarySettings' | 'setDailySummary'> {
  return {
    dailySummarySettings: () => dailySummaryView(ctx.replica, ctx.actor()),
    setDailySummary: (a) => ctx.mutate('setDailySummary', a),
  };
}
