// A driver's card (issue 13 item 11): who, phone (dial it), vehicle, shift and since when,
// battery and fix age (live from the positions frames), today's orders with their SLA (open
// the order card from here), and the GPS track of a period drawn on the map and replayed.
import { useEffect } from 'react';
import { driverMapState } from '../../../../shared/api/driver-map-state';
import type { DriverCardView } from '../../../../shared/api/driver-card-api';
import { displayPhone, telHref } from '../../../../shared/domain/phone-display';
import { normalizePhone } from '../../../../shared/carriers/normalize-phone';
import { TRACK_PRESETS } from '../../../../shared/domain/track-period';
import { REPLAY_SPEEDS, type ReplaySpeed } from '../../../../shared/domain/track-replay';
import { DayInput, TimeInput } from '../../i18n/LocaleInputs';
import type { Translator } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { DRIVER_STATE_KEY } from '../../ui/driver-state-key';
import { SlaCountdown } from '../../ui/SlaCountdown';
import { StatusChip } from '../../ui/StatusChip';
import { useClockStore } from '../clock/store';
import { driverById, useDriversStore } from '../drivers/store';
import { openOrder } from '../order-card/store';
import {
  choosePeriod,
  closeDriverCard,
  loadTrack,
  seekReplay,
  setCustomPeriod,
  setReplaySpeed,
  tickReplay,
  togglePlay,
  useDriverCardStore,
  type PeriodChoice,
  type TrackFailure,
} from './store';
import { fromDayAndMinute, toDayAndMinute } from './period-input';

function ago(t: Translator, now: number, at: number | null): string {
  if (at === null) return t('drivers.never');
  const age = now - at;
  return age < 10_000 ? t('time.justNow') : t('time.ago', { time: t.fmt.duration(age) });
}

function trackFailureText(t: Translator, f: TrackFailure): string {
  if (f.kind === 'period') return t(`driverCard.period.${f.problem.reason}`);
  // The transport's own words (English, "fetch failed") stay in the tooltip; the sentence is the UI's.
  if (f.code === 'unavailable') return t('driverCard.serverDown');
  if (f.code === 'forbidden') return t('driverCard.forbidden');
  return f.message;
}

function Facts({ card }: { card: DriverCardView }) {
  const t = useT();
  const now = useClockStore((s) => s.now);
  // Position, battery and signal move with every positions frame: the drivers store has them live.
  const live = useDriversStore((s) => driverById(s, card.id));
  const row = live ?? { ...card, load: card.todayOrders.filter((o) => ['confirmed', 'at_warehouse', 'in_transit', 'problem'].includes(o.status)).length };
  const state = driverMapState(row, now);
  const normalized = normalizePhone(card.phone);
  return (
    <section className="card-section">
      {state === 'no_signal' && (
        <div className="card-rejected" role="status" data-testid="driver-no-signal">
          {t('driverCard.noSignal', { time: ago(t, now, row.fixAt) })}
        </div>
      )}
      <dl className="kv">
        <dt>{t('card.phone')}</dt>
        <dd className="tabular">{card.phone ? <a href={telHref(normalized, card.phone)}>{displayPhone(card.phone, normalized)}</a> : '—'}</dd>
        <dt>{t('driverCard.vehicle')}</dt>
        <dd>{[card.vehicle, card.vehiclePlate].filter((x) => x !== '').join(' · ') || '—'}</dd>
        <dt>{t('driverCard.shift')}</dt>
        <dd>
          {t.dyn(`shift.${row.shiftState}`, row.shiftState)}
          {row.shiftChangedAt !== null && <span className="muted tabular"> · {t('driverCard.since', { time: t.fmt.shortDateTime(row.shiftChangedAt, now) })}</span>}
        </dd>
        <dt>{t('driverCard.state')}</dt>
        <dd>
          <span className={`dot dot-${state}`} /> {t(DRIVER_STATE_KEY[state])}
        </dd>
        <dt>{t('drivers.col.battery')}</dt>
        <dd className="tabular">
          {row.battery === null ? '—' : t.fmt.percent(row.battery / 100)}
          {row.charging === true && ` · ${t('driverCard.charging')}`}
        </dd>
        <dt>{t('drivers.col.fix')}</dt>
        <dd className="tabular" data-testid="driver-fix-age">
          {ago(t, now, row.fixAt)}
        </dd>
      </dl>
    </section>
  );
}

function TodayOrders({ card }: { card: DriverCardView }) {
  const t = useT();
  return (
    <section className="card-section" aria-label={t('driverCard.today')}>
      <h3>
        {t('driverCard.today')} ({t.fmt.number(card.todayOrders.length)})
      </h3>
      {card.todayOrders.length === 0 ? (
        <div className="muted">{t('driverCard.noOrders')}</div>
      ) : (
        <ul className="driver-orders">
          {card.todayOrders.map((o) => (
            <li key={o.id}>
              <button type="button" className="btn btn-ghost driver-order" aria-label={t('driverCard.openOrder', { number: o.number })} onClick={() => void openOrder(o.id)}>
                <span className="tabular">{o.number}</span>
                <StatusChip status={o.status} />
                <span className="driver-order-sla">
                  <SlaCountdown row={o} />
                </span>
              </button>
              <div className="muted driver-order-address">{o.deliveryAddress}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CustomPeriod() {
  const t = useT();
  const customFrom = useDriverCardStore((s) => s.customFrom);
  const customTo = useDriverCardStore((s) => s.customTo);
  const now = useClockStore((s) => s.now);
  const from = toDayAndMinute(customFrom ?? now - 2 * 3_600_000);
  const to = toDayAndMinute(customTo ?? now);
  // Both ends exist from the first render so "Show" asks for what the fields show.
  useEffect(() => {
    if (customFrom === null || customTo === null) setCustomPeriod(customFrom ?? now - 2 * 3_600_000, customTo ?? now);
  }, [customFrom, customTo, now]);
  const set = (end: 'from' | 'to', day: string, minute: number) => {
    const ms = fromDayAndMinute(day, minute);
    if (ms === null) return;
    if (end === 'from') setCustomPeriod(ms, customTo);
    else setCustomPeriod(customFrom, ms);
  };
  return (
    <div className="driver-period-custom">
      <label>
        {t('driverCard.from')}{' '}
        <DayInput value={from.day} onChange={(d) => set('from', d, from.minute)} aria-label={t('driverCard.fromDay')} size={10} />{' '}
        <TimeInput value={from.minute} onChange={(m) => set('from', from.day, m)} aria-label={t('driverCard.fromTime')} />
      </label>
      <label>
        {t('driverCard.to')} <DayInput value={to.day} onChange={(d) => set('to', d, to.minute)} aria-label={t('driverCard.toDay')} size={10} />{' '}
        <TimeInput value={to.minute} onChange={(m) => set('to', to.day, m)} aria-label={t('driverCard.toTime')} />
      </label>
    </div>
  );
}

/** Wall-clock frames for the player while it runs. */
function usePlayer(playing: boolean): void {
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = 0;
    const step = (nowMs: number) => {
      tickReplay(nowMs - last);
      last = nowMs;
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}

function Replay() {
  const t = useT();
  const track = useDriverCardStore((s) => s.track);
  const replayAt = useDriverCardStore((s) => s.replayAt);
  const playing = useDriverCardStore((s) => s.playing);
  const speed = useDriverCardStore((s) => s.speed);
  usePlayer(playing);
  const first = track?.points[0];
  const last = track?.points[track.points.length - 1];
  if (!track || !first || !last || replayAt === null) return null;
  return (
    <div className="driver-replay" role="group" aria-label={t('driverCard.replay')}>
      <button type="button" className="btn btn-small" onClick={togglePlay} aria-pressed={playing}>
        {playing ? t('driverCard.pause') : t('driverCard.play')}
      </button>
      <label>
        {t('driverCard.speed')}{' '}
        <select className="input" value={speed} onChange={(e) => setReplaySpeed(Number(e.target.value) as ReplaySpeed)}>
          {REPLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {`${t.fmt.number(s)}×`}
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        className="driver-replay-slider"
        aria-label={t('driverCard.slider')}
        min={first.fixAt}
        max={last.fixAt}
        step={1000}
        value={replayAt}
        aria-valuetext={t.fmt.timeSeconds(replayAt)}
        onChange={(e) => seekReplay(Number(e.target.value))}
      />
      <span className="tabular" data-testid="replay-time">
        {t.fmt.timeSeconds(replayAt)}
      </span>
    </div>
  );
}

function Track() {
  const t = useT();
  const period = useDriverCardStore((s) => s.period);
  const track = useDriverCardStore((s) => s.track);
  const trackLoading = useDriverCardStore((s) => s.trackLoading);
  const trackError = useDriverCardStore((s) => s.trackError);
  const choices: PeriodChoice[] = [...TRACK_PRESETS, 'custom'];
  return (
    <section className="card-section" aria-label={t('driverCard.track')}>
      <h3>{t('driverCard.track')}</h3>
      <div className="driver-period" role="radiogroup" aria-label={t('driverCard.period')}>
        {choices.map((c) => (
          <label key={c}>
            <input type="radio" name="driver-track-period" checked={period === c} onChange={() => choosePeriod(c)} /> {t(`driverCard.preset.${c}`)}
          </label>
        ))}
      </div>
      {period === 'custom' && <CustomPeriod />}
      <button type="button" className="btn btn-small" disabled={trackLoading} onClick={() => void loadTrack()}>
        {trackLoading ? t('driverCard.loading') : t('driverCard.show')}
      </button>
      {trackError && (
        <div className="error-text" role="alert" data-testid="track-error" title={trackError.kind === 'call' ? trackError.message : undefined}>
          {trackFailureText(t, trackError)}
        </div>
      )}
      {track && (
        <div className="muted tabular" data-testid="track-summary">
          {track.points.length === 0
            ? t('driverCard.noFixes')
            : t('driverCard.fixes', { n: track.points.length, from: t.fmt.time(track.points[0]?.fixAt ?? 0), to: t.fmt.time(track.points[track.points.length - 1]?.fixAt ?? 0) })}
          {track.truncated && ` · ${t('driverCard.truncated')}`}
        </div>
      )}
      <Replay />
    </section>
  );
}

export function DriverCard() {
  const t = useT();
  const driverId = useDriverCardStore((s) => s.driverId);
  const card = useDriverCardStore((s) => s.card);
  const cardError = useDriverCardStore((s) => s.cardError);
  if (driverId === null) return <div className="muted card-section">{t('driverCard.none')}</div>;
  const name = card?.name ?? driverById(useDriversStore.getState(), driverId)?.name ?? driverId;
  return (
    <article aria-label={`${t('driverCard.label')} ${name}`}>
      <header className="card-head">
        <h2 className="card-title">
          <span>{name}</span>
          <button type="button" className="btn btn-ghost btn-small" aria-label={t('driverCard.close')} onClick={closeDriverCard}>
            ✕
          </button>
        </h2>
      </header>
      {cardError && (
        <div className="error-text" role="alert">
          {cardError}
        </div>
      )}
      {card && <Facts card={card} />}
      {card && <TodayOrders card={card} />}
      <Track />
    </article>
  );
}
