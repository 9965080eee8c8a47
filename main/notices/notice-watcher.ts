// Desktop notifications: an SLA warning or breach, a warehouse where nobody started the day,
// and an order becoming a problem.
// SLA notices come from the alert rows the server's scheduler records and syncs (server/alerts
// via shared/alerts/decide-alerts.ts): one rule and one clock (working time, edited policies)
// for the Alerts tab, the server and the notification. The desktop never decides them again.
// The first scan only learns the current state: starting the app must not fire hundreds of
// notices for what was already late. Each person hears only of their own alerts
// (shared/alerts/alert-recipient.ts); new problems go to the desk roles. A notice carries its
// words in both languages: the page picks its own (in the browser host the page's language may
// differ from this process's locale), the Electron shell shows main's.
import type { NoticeEvent } from '../../shared/api/events';
import { isAlertFor } from '../../shared/alerts/alert-recipient';
import type { AlertAudience, AlertKind } from '../../shared/alerts/alert-vocabulary';
import { isDeskRole, type UserRole } from '../../shared/domain/vocabulary';
import type { ReadonlyReplica } from '../db/open-replica';
import { noticeText, type NoticeLanguage } from './notice-text';

export interface NoticeWatcher {
  /** Compares the replica with what was seen; emits notices for what is new. */
  scan(): void;
}

interface OpenAlert {
  id: string;
  orderId: string | null;
  /** The order's number, or the warehouse's name for a warehouse alert. */
  number: string | null;
  warehouseId: string | null;
  kind: AlertKind;
  audience: AlertAudience;
  assigneeId: string | null;
  messageRu: string;
  messageEn: string;
}

export function createNoticeWatcher(deps: {
  replica: ReadonlyReplica;
  now: () => number;
  emit: (notice: NoticeEvent) => void;
  language: () => NoticeLanguage;
  /** The signed-in user; null before the server said who we are (then nothing is announced). */
  user: () => { id: string; role: UserRole } | null;
}): NoticeWatcher {
  const { replica } = deps;
  /** Open SLA alerts already seen: an alert never reopens, so leaving this set is final. */
  let alerts = new Set<string>();
  let problems = new Set<string>();
  let first = true;

  const scan = (): void => {
    const now = deps.now();
    const lang = deps.language();
    const user = deps.user();
    const open = replica
      .prepareRead(
        `SELECT a.id, a.order_id AS orderId, coalesce(a.order_number, w.name, a.warehouse_id) AS number, a.warehouse_id AS warehouseId,
           a.kind, a.audience, a.assignee_id AS assigneeId, a.message_ru AS messageRu, a.message_en AS messageEn
         FROM alerts a LEFT JOIN warehouses w ON w.id = a.warehouse_id
         WHERE a.state = 'open' ORDER BY a.triggered_at, a.id`,
      )
      .all() as OpenAlert[];
    const nextAlerts = new Set<string>();
    for (const a of open) {
      nextAlerts.add(a.id);
      if (first || alerts.has(a.id) || !isAlertFor(a, user)) continue;
      const kind = a.kind;
      const number = a.number ?? '';
      const words = { number, customer: '', reason: null };
      const text = {
        ru: { title: noticeText('ru', kind, words).title, body: a.messageRu },
        en: { title: noticeText('en', kind, words).title, body: a.messageEn },
      };
      deps.emit({ kind, orderId: a.orderId, warehouseId: a.warehouseId, number, at: now, ...text[lang], text });
    }
    alerts = nextAlerts;

    const rows = replica
      .prepareRead(`SELECT id, number, customer_name AS customer, problem_reason AS reason FROM orders WHERE status = 'problem'`)
      .all() as { id: string; number: string; customer: string; reason: string | null }[];
    const nextProblems = new Set<string>();
    for (const r of rows) {
      nextProblems.add(r.id);
      if (!first && !problems.has(r.id) && isDeskRole(user?.role)) {
        const text = { ru: noticeText('ru', 'problem', r), en: noticeText('en', 'problem', r) };
        deps.emit({ kind: 'problem', orderId: r.id, warehouseId: null, number: r.number, at: now, ...text[lang], text });
      }
    }
    problems = nextProblems;
    first = false;
  };

  return { scan };
}
