// The order card: everything a dispatcher needs to answer "where is my order?" and the actions
// this user's role allows on it (main computes them from the status machine; we only show them).
import type { OrderDetail } from '../../../../shared/api/orders-api';
import { displayPhone } from '../../../../shared/domain/phone-display';
import { DEFAULT_SLA_POLICIES, resolveSlaPolicy } from '../../../../shared/domain/sla-policy';
import { formatDuration } from '../../i18n/format-time';
import { useT } from '../../i18n/use-t';
import { useClockStore } from '../clock/store';
import { acknowledgeConflict, useConnectionStore } from '../connection/store';
import { driverById, useDriversStore } from '../drivers/store';
import { SlaCountdown } from '../../ui/SlaCountdown';
import { StatusChip } from '../../ui/StatusChip';
import { predictedRisk } from '../../../../shared/eta/arrival-risk';
import { useSessionStore } from '../session/store';
import { AssignDialog } from './AssignDialog';
import { CardActions } from './CardActions';
import { NoteDialog } from './NoteDialogs';
import { ChecklistDialog, CorrectionDialog, EditDialog, PaymentDialog } from './IntakeDialogs';
import { IntakeRows } from './IntakeRows';
import { closeOrder, useOrderCardStore } from './store';
import { OrderFactRows, ProblemSection, TimelineSection } from './OrderFacts';
import { ArchiveCard } from './ArchiveCard';
import { useArchiveStore } from '../archive/store';
import { ProofSection } from './ProofSection';
import { TrackingLinkRows } from './TrackingLinkRows';
import { CarriedByRows } from './CarriedByRows';
import { CustomerMessagesSection } from './CustomerMessagesSection';
import { CourierDialog, FindCarrierDialog, TakeBackDialog } from './HandoverDialogs';

/**
 * The policy in the UI's language: norm and basis from the shared policy table, the warning
 * window from main's answer. main's own sentence (English) stays in the tooltip.
 */
function PolicyLine({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const o = detail.order;
  const policies = useSessionStore((s) => s.session?.slaPolicies);
  let text = detail.sla.policy;
  try {
    const p = resolveSlaPolicy(o, policies ?? DEFAULT_SLA_POLICIES);
    const service = p.key === 'vip' ? `${t('service.vip')} (${t.dyn(`service.${o.serviceType}`, o.serviceType)})` : t.dyn(`service.${o.serviceType}`, o.serviceType);
    const warn = detail.sla.warnBeforeMinutes ?? p.warnBeforeMinutes;
    text = t('card.policyNorm', { service, norm: formatDuration(p.normMinutes * 60_000, t), warning: formatDuration(warn * 60_000, t) });
  } catch {
    // An unknown service type: main's sentence is all we have.
  }
  return <span title={detail.sla.policy}>{text}</span>;
}

function DriverLine({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const o = detail.order;
  const live = useDriversStore((s) => driverById(s, o.driverId));
  const now = useClockStore((s) => s.now);
  if (!o.driverId) return <span className="muted">{t('queue.unassigned')}</span>;
  const name = live?.name ?? detail.driver?.name ?? o.driverId;
  const phone = live?.phone ?? detail.driver?.phone ?? '';
  const p = detail.predicted;
  const risk = predictedRisk(p, o.slaDeadline, now);
  return (
    <span>
      {name}
      {phone && <span className="muted tabular"> · <span style={{ whiteSpace: 'nowrap' }}>{displayPhone(phone)}</span></span>}
      {p && (
        <>
          <br />
          <span className="tabular" data-testid="predicted-arrival">
            <strong>{t('card.eta', { time: t.fmt.shortDateTime(p.at, now) })}</strong> ({t.fmt.shortDateTime(p.earliest, now)}–{t.fmt.shortDateTime(p.latest, now)})
            {risk !== null && <span className="chip chip-warning"> {t(risk === 'late' ? 'card.arrivalRisk.late' : 'card.arrivalRisk.tight')}</span>}
          </span>
          <br />
          <span className="tabular" data-testid="predicted-distance">{t('card.distance', { km: t.fmt.km(p.basis.distanceKm) })}</span>
          <br />
          <span className="muted tabular">
            {t('card.etaBasis', {
              stops: p.basis.stopsAhead,
              speed: t.fmt.kmh(p.basis.speedKmh),
              source: t(`card.etaSource.${p.basis.speedSource}`),
              age: t.fmt.duration(p.basis.fixAgeMs),
            })}
          </span>
        </>
      )}
    </span>
  );
}

function Conflicts({ orderId }: { orderId: string }) {
  const t = useT();
  const all = useConnectionStore((s) => s.conflicts);
  const mine = all.filter((c) => c.orderId === orderId);
  if (mine.length === 0) return null;
  return (
    <>
      {mine.map((c) => (
        <div key={c.id} className="card-rejected" role="alert">
          <strong>{t('card.rejected')}:</strong> {c.message}{' '}
          <button type="button" className="btn btn-small btn-ghost" aria-label={t('conflicts.dismiss')} onClick={() => void acknowledgeConflict(c.id)}>
            {t('action.dismiss')}
          </button>
        </div>
      ))}
    </>
  );
}

function CardBody({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const o = detail.order;
  const dialog = useOrderCardStore((s) => s.dialog);
  const actor = useSessionStore((s) => s.session?.actor ?? null);
  // A string or null: the card re-renders when the risk changes, not on every tick.
  const risk = useClockStore((s) => predictedRisk(detail.predicted, o.slaDeadline, s.now));
  const slaInput = { ...o, vip: (o.vipNormMinutes ?? 0) > 0, arrivalRisk: risk };
  return (
    <article aria-label={`${t('card.label')} ${o.number}`}>
      <header className="card-head">
        <h2 className="card-title">
          <span className="tabular">{o.number}</span>
          <StatusChip status={o.status} subMark={o.subMark} />
          {slaInput.vip && <span className="vip">VIP</span>}
          <button type="button" className="btn btn-ghost btn-small" aria-label={t('card.close')} onClick={closeOrder}>
            ✕
          </button>
        </h2>
        <div className="card-sla">
          <SlaCountdown row={slaInput} />
          {detail.sla.deadline !== null && (
            <span className="muted tabular">
              {t('card.deadline')}: {t.fmt.dateTime(detail.sla.deadline)}
            </span>
          )}
        </div>
        <Conflicts orderId={o.id} />
      </header>
      <CardActions detail={detail} />
      {/* Under the buttons, not above them: the notice goes when the server acknowledges, at a
          moment nobody chose, and the buttons must not jump a row under a dispatcher's pointer. */}
      {detail.pending && (
        <div className="card-pending" role="status">
          <span className="pending-dot" /> {t('card.pending')}
        </div>
      )}
      {o.status === 'problem' && <ProblemSection reason={o.problemReason} comment={o.problemComment} />}
      <section className="card-section">
        <OrderFactRows
          order={o}
          afterRoute={
            <>
              <dt>{t('card.warehouse')}</dt>
              <dd>{detail.warehouse?.name ?? '—'}</dd>
            </>
          }
        >
          {o.carrierId === null && o.courierProvider === null && (
            <>
              <dt>{t('card.driver')}</dt>
              <dd>
                <DriverLine detail={detail} />
              </dd>
            </>
          )}
          <CarriedByRows detail={detail} />
          <TrackingLinkRows detail={detail} />
          <dt>{t('card.policy')}</dt>
          <dd>
            <PolicyLine detail={detail} />
          </dd>
          <IntakeRows order={o} />
          <dt>{t('card.created')}</dt>
          <dd className="tabular">{t.fmt.dateTime(o.createdAt)}</dd>
        </OrderFactRows>
      </section>
      {o.customerId !== null && <CustomerMessagesSection key={o.customerId} customerId={o.customerId} />}
      <ProofSection orderId={o.id} status={o.status} />
      <TimelineSection events={detail.events} />
      {dialog === 'assign' && <AssignDialog number={o.number} />}
      {(dialog === 'problem' || dialog === 'resolve' || dialog === 'comment' || dialog === 'cancel') && <NoteDialog key={dialog} kind={dialog} detail={detail} actor={actor} />}
      {dialog === 'edit' && <EditDialog detail={detail} />}
      {(dialog === 'correct' || dialog === 'undo') && <CorrectionDialog key={dialog} detail={detail} undo={dialog === 'undo'} />}
      {dialog === 'payment' && <PaymentDialog detail={detail} />}
      {dialog === 'checklist' && <ChecklistDialog detail={detail} />}
      {dialog === 'carrier' && <FindCarrierDialog detail={detail} actor={actor} />}
      {dialog === 'courier' && <CourierDialog detail={detail} />}
      {dialog === 'takeBack' && <TakeBackDialog detail={detail} />}
    </article>
  );
}

export function OrderCard() {
  const t = useT();
  const orderId = useOrderCardStore((s) => s.orderId);
  const detail = useOrderCardStore((s) => s.detail);
  const loading = useOrderCardStore((s) => s.loading);
  const error = useOrderCardStore((s) => s.error);
  const archiveOpen = useArchiveStore((s) => s.card !== null);
  if (!orderId) return archiveOpen ? <ArchiveCard /> : <div className="empty">{t('card.empty')}</div>;
  if (detail && detail.order.id === orderId) return <CardBody detail={detail} />;
  if (error === 'not_found') return <div className="empty">{t('card.notFound')}</div>;
  if (error) return <div className="error-text">{t('error.generic', { message: error })}</div>;
  return <div className="empty">{loading ? t('card.loading') : ''}</div>;
}
