// Desktop notifications: an order entering its SLA warning window, breaching, or becoming a
// problem. Checked on every orders change and on a timer (deadlines pass without changes).
// The first scan only learns the current state: starting the app must not fire hundreds of
// notices for what was already late.
import type { NoticeEvent } from '../../shared/api/events';
import type { ReadonlyReplica } from '../db/open-replica';
import { effectiveSlaPolicies } from '../db/queries/alerts-queries';
import { noticeText, type NoticeLanguage } from './notice-text';
import { BREACHED_SQL, atRiskSql } from '../db/queries/sla-sql';

/** 1 = warned, 2 = breached; problems are tracked apart (they can come back). */
type Level = 1 | 2;

export interface NoticeWatcher {
  /** Compares the replica with what was seen; emits notices for what got worse. */
  scan(): void;
  stop(): void;
}

export function createNoticeWatcher(deps: {
  replica: ReadonlyReplica;
  now: () => number;
  emit: (notice: NoticeEvent) => void;
  language: () => NoticeLanguage;
  /** Timer period; 0 = no timer (tests call scan()). */
  intervalMs?: number;
}): NoticeWatcher {
  const { replica } = deps;
  const sla = new Map<string, Level>();
  let problems = new Set<string>();
  let first = true;

  const scan = (): void => {
    const now = deps.now();
    // Read each scan: an admin's policy edit changes who is at risk from the next scan on.
    const atRisk = atRiskSql(effectiveSlaPolicies(replica));
    const rows = replica
      .prepareRead(
        `SELECT o.id, o.number, o.customer_name AS customer, o.status, o.problem_reason AS reason,
           CASE WHEN ${BREACHED_SQL} THEN 2 WHEN ${atRisk} THEN 1 ELSE 0 END AS level
         FROM orders o WHERE o.status = 'problem' OR ${BREACHED_SQL} OR ${atRisk}`,
      )
      .all({ now }) as { id: string; number: string; customer: string; status: string; reason: string | null; level: 0 | 1 | 2 }[];
    const nextProblems = new Set<string>();
    const seen = new Set<string>();
    const lang = deps.language();
    for (const r of rows) {
      seen.add(r.id);
      if (r.status === 'problem') {
        nextProblems.add(r.id);
        if (!first && !problems.has(r.id)) {
          deps.emit({ kind: 'problem', orderId: r.id, number: r.number, at: now, ...noticeText(lang, 'problem', r) });
        }
      }
      if (r.level > 0) {
        const before = sla.get(r.id) ?? 0;
        if (r.level > before) {
          sla.set(r.id, r.level as Level);
          if (!first) {
            const kind = r.level === 2 ? 'sla_breach' : 'sla_warning';
            deps.emit({ kind, orderId: r.id, number: r.number, at: now, ...noticeText(lang, kind, r) });
          }
        }
      }
    }
    // Forget orders that left the lists (delivered, re-planned), so a new breach notifies again.
    for (const id of sla.keys()) if (!seen.has(id)) sla.delete(id);
    problems = nextProblems;
    first = false;
  };

  const timer = deps.intervalMs ? setInterval(scan, deps.intervalMs) : null;
  timer?.unref?.();
  return {
    scan,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
