// The order's full history, oldest first: what happened, when (region time), who or what did
// it (a dispatcher's name, GPS, a scan, a courier service) and why.
import { useShallow } from 'zustand/react/shallow';
import { LINK_REQUESTED_REASON } from '../../../../shared/messages/message-vocabulary';
import type { OrderEventRow } from '../../../../shared/schema';
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
    default:
      return String(e.kind);
  }
}

/**
 * A message attempt: the server writes reason `<trigger>:<state>` and the channel as actorId
 * (server/messages/message-sender.ts); a resend request has reason `link_requested`.
 */
function messageTitle(e: OrderEventRow, t: Translator): string {
  if (e.reason === LINK_REQUESTED_REASON) return t('event.linkRequested');
  const [trigger, state] = (e.reason ?? '').split(':');
  if (!trigger || !state) return t('event.message');
  const channel = e.actorId ?? '';
  return t('event.messageAttempt', {
    channel: t.dyn(`channel.${channel}`, e.actorName ?? channel),
    trigger: t.dyn(`trigger.${trigger}`, trigger),
    state: t.dyn(`messageState.${state}`, state),
  });
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
          </li>
        );
      })}
    </ol>
  );
}
