// The problem queue, always on screen above the order queue, with its count in the header
// even when collapsed. Main ranks it (breached, problems, at risk, reminders); ages tick here.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ProblemItem } from '../../../../shared/api/orders-api';
import { toggleProblems, useLayoutStore } from '../../app/layout-store';
import { formatDuration } from '../../i18n/format-time';
import { useT } from '../../i18n/use-t';
import type { Translator } from '../../i18n/translate';
import { useClockStore } from '../clock/store';
import { openDialog, openOrder } from '../order-card/store';
import { problemCount, setProblemsCarriedBy, useProblemsStore } from './store';
import { CarriedBySelect, CARRIED_BY_KEY } from '../../ui/CarriedBySelect';

const KIND_KEY = {
  problem: 'problems.kind.problem',
  breached: 'problems.kind.breached',
  at_risk: 'problems.kind.atRisk',
  untouched_new: 'problems.kind.untouched',
  unpicked_confirmed: 'problems.kind.unpicked',
} as const;

/** The second line: the reason for problems, time over/left for SLA items, the customer otherwise. */
function detail(item: ProblemItem, now: number, t: Translator): string {
  if (item.kind === 'problem' && item.reason) {
    const reason = t.dyn(`reason.${item.reason}`, item.reason);
    return item.comment ? `${reason}: ${item.comment}` : reason;
  }
  if (item.kind === 'breached' && item.slaDeadline !== null) return t('sla.overdue', { time: formatDuration(now - item.slaDeadline, t) });
  if (item.kind === 'at_risk' && item.slaDeadline !== null) {
    const left = t('sla.left', { time: formatDuration(item.slaDeadline - now, t) });
    // At risk by its prediction: say so, it may be hours before the time-left window opens.
    return item.arrivalRisk === null ? left : `${left} · ${t(item.arrivalRisk === 'late' ? 'problems.predictedLate' : 'problems.predictedTight')}`;
  }
  return item.customerName;
}

/** Orders carried by others say so beside the number: the same queue, whoever carries them. */
function carriedByMark(item: ProblemItem, t: Translator): string {
  return item.carriedBy === 'own' ? '' : ` · ${t(CARRIED_BY_KEY[item.carriedBy])}`;
}

export const PROBLEM_ROW_HEIGHT = 50;

function ProblemRow({ item, top }: { item: ProblemItem; top: number }) {
  const t = useT();
  const now = useClockStore((s) => s.now);
  const kind = t(KIND_KEY[item.kind]);
  const canAct = item.kind === 'problem' ? item.actions.includes('resolve_problem') : item.actions.includes('assign') && !item.driverId && item.carriedBy === 'own';
  const act = item.kind === 'problem' ? 'resolve' : 'assign';
  return (
    <div
      role="listitem"
      className="problem-item"
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => void openOrder(item.orderId)}
    >
      <span className={`stripe ${item.kind}`} />
      <button
        type="button"
        className="problem-line link"
        aria-label={`${t('problems.open')} ${item.number}: ${kind}`}
        onClick={(e) => {
          e.stopPropagation();
          void openOrder(item.orderId);
        }}
      >
        <span className={`problem-kind ${item.kind}`} title={kind}>
          {kind}
        </span>
        <span className="num tabular">{item.number}</span>
        {item.pending && <span className="pending-dot" aria-label={t('queue.pending')} />}
      </button>
      <span className="problem-age tabular">{t('problems.age', { time: formatDuration(now - item.since, t) })}</span>
      <span className="problem-sub">
        {detail(item, now, t)}
        {carriedByMark(item, t)}
      </span>
      <span>
        {canAct && (
          <button
            type="button"
            className="btn btn-small"
            aria-label={`${t(act === 'resolve' ? 'action.resolve' : 'action.assign')} ${item.number}`}
            onClick={(e) => {
              e.stopPropagation();
              void openOrder(item.orderId).then(() => openDialog(act));
            }}
          >
            {t(act === 'resolve' ? 'action.resolve' : 'action.assign')}
          </button>
        )}
      </span>
    </div>
  );
}

/** Virtualised too: a bad morning can put hundreds of orders here, each with a ticking age. */
function ProblemList({ items }: { items: ProblemItem[] }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: items.length, getScrollElement: () => ref.current, estimateSize: () => PROBLEM_ROW_HEIGHT, overscan: 4 });
  return (
    <div ref={ref} id="problem-list" className="problems-list" role="list" aria-label={t('problems.label')}>
      {items.length === 0 && <div className="empty">{t('problems.empty')}</div>}
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((vi) => {
          const item = items[vi.index];
          return item ? <ProblemRow key={item.orderId} item={item} top={vi.start} /> : null;
        })}
      </div>
    </div>
  );
}

export function ProblemQueue() {
  const t = useT();
  const queue = useProblemsStore((s) => s.queue);
  const open = useLayoutStore((s) => s.problemsOpen);
  const count = problemCount(queue);
  const carriedBy = useProblemsStore((s) => s.carriedBy);
  return (
    <section className={`problems${open ? ' open' : ''}`} aria-label={t('problems.label')}>
      <div className="panel-head">
        <button type="button" className="problems-toggle" aria-expanded={open} aria-controls="problem-list" aria-label={t('problems.toggle')} onClick={toggleProblems}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          <h2 className="panel-title">{t('problems.title')}</h2>
          <span className={`count-badge${count > 0 ? ' hot' : ''}`} aria-label={`${t('problems.title')}: ${count}`}>
            {count}
          </span>
        </button>
        {open && <CarriedBySelect value={carriedBy} onChange={(c) => void setProblemsCarriedBy(c)} />}
      </div>
      {open && queue && <ProblemList items={queue.items} />}
    </section>
  );
}
