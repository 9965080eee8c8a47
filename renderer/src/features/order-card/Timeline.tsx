// The order's full history, oldest first: what happened, when (region time), who or what did
// it (a dispatcher's name, GPS, a scan, a courier service) and why.
import { useShallow } from 'zustand/react/shallow';
import { LINK_REQUESTED_REASON, OPTED_OUT_REASON } from '../../../../shared/messages/message-vocabulary';
import type { OrderEventRow } from '../../../../shared/schema';
import type { FieldChange, FieldValue } from '../../../../shared/domain/order-intake';
import { parsePaymentComment } from '../../../../shared/mutators/order-intake-mutators';
import type { Translator } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { driverById, useDriversStore } from '../drivers/store';

// The server's own edits carry an English comment for integrations (REST); the console says
// the same in its language instead of showing that line.
const SLA_RULES_CHANGED = 'sla_rules_changed';

/** The reason and comment line under an event, or '' when the title already says it. */
export function eventNote(e: OrderEventRow, t: Translator): string {
  if (e.actor === 'system' && e.reason === SLA_RULES_CHANGED) return '';
  // A message's reason is its trigger and outcome, said in the title; the note is the masked
  // recipient, the attempt number and the gateway's own error text.
  if (e.kind === 'message') return e.comment ?? '';
  // A correction's reason is a person's own words; its comment only marks an undo (in the title).
  if (e.kind === 'correction') return e.reason ?? '';
  // A payment's comment is the mutator's "5000 card REF", said in words by the title.
  if (e.kind === 'payment' && parsePaymentComment(e.comment) !== null) return '';
  const reason = e.reason ? t.dyn(`reason.${e.reason}`, e.reason) : null;
  return [reason, e.comment].filter(Boolean).join(': ');
}

export function eventTitle(e: OrderEventRow, t: Translator, driverName: (id: string | null) => string): string {
  switch (e.kind) {
    case 'created':
      return t('event.created');
    case 'status': {
      const to = e.toStatus ? t.dyn(`status.${e.toStatus}`, e.toStatus) : '?';
      return e.fromStatus ? `${t.dyn(`status.${e.fromStatus}`, e.fromStatus)} → ${to}` : to;
    }
    case 'sub_mark':
      return e.subMark ? t.dyn(`subMark.${e.subMark}`, e.subMark) : '';
    case 'assign':
      return t('event.assign', { driver: driverName(e.driverId) });
    case 'unassign':
      return t('event.unassign');
    case 'comment':
      return t('event.comment');
    case 'edit':
      return e.reason === SLA_RULES_CHANGED ? t('event.slaRecomputed') : t('event.edit');
    case 'message':
      return messageTitle(e, t);
    case 'correction': {
      const from = e.fromStatus ? t.dyn(`status.${e.fromStatus}`, e.fromStatus) : '?';
      const to = e.toStatus ? t.dyn(`status.${e.toStatus}`, e.toStatus) : '?';
      return t(e.comment === 'undo' ? 'event.correctionUndone' : 'event.correction', { from, to });
    }
    case 'payment': {
      const p = parsePaymentComment(e.comment);
      if (p === null) return t('event.paymentPlain');
      const line = t('event.payment', { amount: t.fmt.money(p.amount, 'KZT'), method: t(`payment.${p.method}`) });
      return p.reference === null ? line : `${line}, ${t('event.paymentReference', { reference: p.reference })}`;
    }
    case 'handover':
      return handoverTitle(e, t);
  }
}

/** Where the order went, with the courier's number and what its API said (shared/domain/carried-by.ts). */
function handoverTitle(e: OrderEventRow, t: Translator): string {
  const h = e.handover;
  if (h === null) return t('event.handover.own');
  const head = t(`event.handover.${h.to}`, { name: h.name ?? '' });
  const parts = [
    h.trackingNumber ? t('event.handover.tracking', { number: h.trackingNumber }) : '',
    h.viaApi ? t('event.handover.viaApi') : '',
    h.failed ? t('event.handover.failed') : '',
    h.securityOverride ? t('event.handover.override') : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? head : `${head}: ${parts.join(', ')}`;
}

/**
 * A message attempt: the server writes reason `<trigger>:<state>` and the channel as actorId
 * (server/messages/message-sender.ts); a resend request has reason `link_requested`, the
 * customer's opt-out `customer_opted_out`.
 */
function messageTitle(e: OrderEventRow, t: Translator): string {
  if (e.reason === LINK_REQUESTED_REASON) return t('event.linkRequested');
  // The customer's own opt-out (server/messages/customer-opt-out.ts): how, in actorId.
  if (e.reason === OPTED_OUT_REASON) return t('event.optedOut', { via: t.dyn(`optOutVia.${e.actorId ?? ''}`, e.actorId ?? '') });
  const [trigger, state] = (e.reason ?? '').split(':');
  if (!trigger || !state) return t('event.message');
  const channel = e.actorId ?? '';
  return t('event.messageAttempt', {
    channel: t.dyn(`channel.${channel}`, e.actorName ?? channel),
    trigger: t.dyn(`trigger.${trigger}`, trigger),
    state: t.dyn(`messageState.${state}`, state),
  });
}

const TIME_FIELDS: ReadonlySet<string> = new Set(['windowStart', 'windowEnd', 'slaDeadline']);

/** One edited value as a person reads it: times in the region's clock, yes/no, units, '—' for none. */
export function changeValue(field: FieldChange['field'], v: FieldValue, t: Translator): string {
  if (v === null || v === '') return t('diff.empty');
  if (typeof v === 'boolean') return t(v ? 'diff.yes' : 'diff.no');
  if (typeof v === 'number') {
    if (TIME_FIELDS.has(field)) return t.fmt.dateTime(v);
    if (field === 'weightKg') return t.fmt.kg(v);
    if (field === 'volumeM3') return t.fmt.m3(v);
    return t.fmt.number(v, 6);
  }
  return v;
}

/** An edit's lines: "Delivery address: Abay 10 → Abay 12", one per changed field, in words. */
export function changeLines(e: Pick<OrderEventRow, 'changes'>, t: Translator): string[] {
  const changes = Array.isArray(e.changes) ? (e.changes as FieldChange[]) : [];
  return changes.map((c) =>
    t('diff.line', { field: t.dyn(`diff.${c.field}`, c.field), old: changeValue(c.field, c.old, t), new: changeValue(c.field, c.new, t) }),
  );
}

/** "Айгерим Садыкова · manually", "GPS", "courier service · CDEK". */
export function eventWho(e: OrderEventRow, t: Translator): string {
  const actor = t.dyn(`actor.${e.actor}`, e.actor);
  const source = t.dyn(`source.${e.source}`, e.source);
  // System actors have English names ("SLA rules"); the console names them in its language.
  const who = e.actor === 'system' ? actor : (e.actorName ?? actor);
  if (e.source === 'manual') return `${who} · ${source}`;
  if (who === source || e.actor === e.source) return source;
  return `${who} · ${source}`;
}

export function Timeline({ events }: { events: OrderEventRow[] }) {
  const t = useT();
  // Only the names of drivers on this timeline, so position updates don't re-render it.
  const ids = events.map((e) => e.driverId);
  const names = useDriversStore(useShallow((s) => ids.map((id) => driverById(s, id)?.name ?? null)));
  const name = (id: string | null) => names[ids.indexOf(id)] ?? id ?? '?';
  if (events.length === 0) return <p className="muted">{t('card.noEvents')}</p>;
  return (
    <ol className="timeline" aria-label={t('card.timeline')}>
      {events.map((e) => {
        const note = eventNote(e, t);
        const cls = e.toStatus === 'problem' ? 'tl-problem' : e.kind === 'status' ? 'tl-status' : '';
        return (
          <li key={e.id} className={cls}>
            <div className="tl-what">{eventTitle(e, t, name)}</div>
            <div className="tl-meta tabular">
              {t.fmt.dateTime(e.at)} · {eventWho(e, t)}
            </div>
            {note !== '' && <div className="tl-note">{note}</div>}
            {e.kind === 'edit' &&
              changeLines(e, t).map((line, i) => (
                <div key={i} className="tl-note tl-change">
                  {line}
                </div>
              ))}
          </li>
        );
      })}
    </ol>
  );
}
