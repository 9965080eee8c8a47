// The admin's daily summary setting from the replica, with the people it may go to: active
// supervisors and admins, each with the e-mail and language of their own notification
// settings (the server reads the same rows when it sends).
import { eq, inArray } from 'drizzle-orm';
import type { DailySummaryView } from '../../../shared/api/reports-api';
import type { Actor } from '../../../shared/domain/vocabulary';
import { timeOfMinute } from '../../../shared/domain/time-of-day';
import { DAILY_SUMMARY_ROLES } from '../../../shared/mutators/daily-summary-settings';
import { DAILY_SUMMARY_SETTINGS_ID, DEFAULT_DAILY_SUMMARY } from '../../../shared/reports/daily-summary';
import { dailySummarySettings, staffNotifyPrefs, users } from '../../../shared/schema';
import type { ReadonlyReplica } from '../open-replica';

export function dailySummaryView(replica: ReadonlyReplica, actor: Actor | null): DailySummaryView {
  const row = replica.db.select().from(dailySummarySettings).where(eq(dailySummarySettings.id, DAILY_SUMMARY_SETTINGS_ID)).get();
  const people = replica.db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active, email: staffNotifyPrefs.email, language: staffNotifyPrefs.language })
    .from(users)
    .leftJoin(staffNotifyPrefs, eq(staffNotifyPrefs.id, users.id))
    .where(inArray(users.role, [...DAILY_SUMMARY_ROLES]))
    .all()
    .filter((p) => p.active)
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    enabled: row?.enabled ?? DEFAULT_DAILY_SUMMARY.enabled,
    sendTime: timeOfMinute(row?.sendMinute ?? DEFAULT_DAILY_SUMMARY.sendMinute),
    // Only people who may still get it: a recipient since deactivated (or made a dispatcher) is
    // not in the list, so the form could not untick them and every save would be refused.
    recipientIds: (row?.recipientIds ?? []).filter((id) => people.some((p) => p.id === id)),
    candidates: people.map((p) => ({ id: p.id, name: p.name, role: p.role as 'supervisor' | 'admin', email: p.email ?? null, language: p.language === 'en' ? 'en' : 'ru' })),
    canEdit: actor === 'admin',
  };
}
