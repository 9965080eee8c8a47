// Drivers at a glance: state (free / busy / on a break / off shift / no signal), shift, load, last fix age,
// battery. Virtualised: 2,000 drivers, of which ~20 rows exist in the DOM.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { driverMapState, type DriverMapState } from '../../../../shared/api/driver-map-state';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import { formatDuration } from '../../i18n/format-time';
import type { Translator } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useClockStore } from '../clock/store';
import { focusMap } from '../map/store';
import { openDriverCard } from '../driver-card/store';
import { DRIVER_STATE_KEY } from '../../ui/driver-state-key';
import { clearWarehouseFilter, driverById, useDriversStore } from './store';
import { isDeskRole } from '../../../../shared/domain/vocabulary';
import { useSessionStore } from '../session/store';
import { DriverPhoneDialog } from './DriverPhoneDialog';
import { openDriverPhone, useDriverPhoneStore } from './phone-store';

const STATE_KEY = DRIVER_STATE_KEY;

/** Order of the list: who can take work first, then busy, then the silent and the absent. */
const STATE_RANK: Readonly<Record<DriverMapState, number>> = { free: 0, busy: 1, on_break: 2, no_signal: 3, off_shift: 4 };

export function sortDriversForPanel(drivers: readonly DriverListRow[], now: number): DriverListRow[] {
  return drivers
    .map((d) => ({ d, rank: STATE_RANK[driverMapState(d, now)] }))
    .sort((a, b) => a.rank - b.rank || a.d.load - b.d.load || a.d.name.localeCompare(b.d.name))
    .map((x) => x.d);
}

/** A warehouse's drivers (their home warehouse); null = everyone. */
export function driversOfWarehouse(drivers: readonly DriverListRow[], warehouseId: string | null): readonly DriverListRow[] {
  return warehouseId === null ? drivers : drivers.filter((d) => d.homeWarehouseId === warehouseId);
}

export function countByState(drivers: readonly DriverListRow[], now: number): Record<DriverMapState, number> {
  const out: Record<DriverMapState, number> = { free: 0, busy: 0, on_break: 0, off_shift: 0, no_signal: 0 };
  for (const d of drivers) out[driverMapState(d, now)] += 1;
  return out;
}

function fixAge(d: DriverListRow, now: number, t: Translator): string {
  if (d.fixAt === null) return t('drivers.never');
  const age = now - d.fixAt;
  return age < 10_000 ? t('time.justNow') : t('time.ago', { time: formatDuration(age, t) });
}

function DriverRowView({ d, now, top, desk }: { d: DriverListRow; now: number; top: number; desk: boolean }) {
  const t = useT();
  const state = driverMapState(d, now);
  const low = d.battery !== null && d.battery < 20;
  return (
    <div
      role="listitem"
      className="driver-row"
      style={{ transform: `translateY(${top}px)` }}
      aria-label={`${d.name}: ${t(STATE_KEY[state])}`}
      onClick={() => {
        if (d.lat !== null && d.lon !== null) focusMap(d.lat, d.lon);
        void openDriverCard(d.id);
      }}
    >
      <span className={`dot dot-${state}`} title={t(STATE_KEY[state])} />
      <div style={{ minWidth: 0 }}>
        <div className="name">
          {/* The row's click opens the card too; this is its keyboard way in. */}
          <button
            type="button"
            className="link-button"
            aria-label={t('driverCard.open', { name: d.name })}
            onClick={(e) => {
              e.stopPropagation();
              if (d.lat !== null && d.lon !== null) focusMap(d.lat, d.lon);
              void openDriverCard(d.id);
            }}
          >
            {d.name}
          </button>
        </div>
        <div className="meta">
          {t(STATE_KEY[state])} · {t.dyn(`shift.${d.shiftState}`, d.shiftState)} · {d.vehiclePlate}
        </div>
      </div>
      <div className="right-meta tabular">
        <div>
          {t('assign.load', { n: d.load })}
          {desk && (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-label={`${t('phone.open')}: ${d.name}`}
              onClick={(e) => {
                e.stopPropagation();
                openDriverPhone(d.id);
              }}
            >
              {t('phone.open')}
            </button>
          )}
        </div>
        <div>
          {fixAge(d, now, t)}
          {d.battery !== null && (
            <span className={low ? 'battery-low' : ''} aria-label={`${t('drivers.col.battery')} ${Math.round(d.battery)}%`}>
              {' '}
              · {Math.round(d.battery)}%
            </span>
          )}
        </div>
      </div>
    </div>
  );
}

export function DriversPanel() {
  const t = useT();
  const all = useDriversStore((s) => s.drivers);
  const index = useDriversStore((s) => s.index);
  const filter = useDriversStore((s) => s.warehouseFilter);
  const warehouseFilter = filter?.id ?? null;
  const drivers = useMemo(() => driversOfWarehouse(all, warehouseFilter), [all, warehouseFilter]);
  const now = useClockStore((s) => s.now);
  // Re-sorting 2,000 drivers every second would reshuffle the list under the mouse (and cost a
  // long task per positions frame): sort on the minute and when the roster is reloaded, keep
  // the order as ids, and show each row's live data.
  const minute = Math.floor(now / 60_000);
  const order = useMemo(
    () => sortDriversForPanel(driversOfWarehouse(useDriversStore.getState().drivers, warehouseFilter), minute * 60_000).map((d) => d.id),
    [index, minute, warehouseFilter],
  );
  const sorted = useMemo(() => order.map((id) => driverById({ drivers: all, index }, id)).filter((d) => d !== undefined), [order, all, index]);
  const counts = useMemo(() => countByState(drivers, now), [drivers, now]);
  const desk = useSessionStore((s) => isDeskRole(s.session?.user?.role));
  const phoneOf = useDriverPhoneStore((s) => s.driverId);
  const ref = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: sorted.length, getScrollElement: () => ref.current, estimateSize: () => 44, overscan: 6 });
  return (
    <section aria-label={t('drivers.label')} style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      {warehouseFilter !== null && (
        <div className="drivers-filter">
          <strong>{t('drivers.ofWarehouse', { name: filter?.name ?? '' })}</strong>
          <button type="button" className="link" onClick={clearWarehouseFilter}>
            {t('drivers.allWarehouses')}
          </button>
        </div>
      )}
      <div className="drivers-summary">
        <span>
          <span className="dot dot-free" /> {counts.free} {t('driverState.free')}
        </span>
        <span>
          <span className="dot dot-busy" /> {counts.busy} {t('driverState.busy')}
        </span>
        <span>
          <span className="dot dot-on_break" /> {counts.on_break} {t('driverState.onBreak')}
        </span>
        <span>
          <span className="dot dot-no_signal" /> {counts.no_signal} {t('driverState.noSignal')}
        </span>
        <span>
          <span className="dot dot-off_shift" /> {counts.off_shift} {t('driverState.off')}
        </span>
      </div>
      <div ref={ref} className="drivers-list" role="list" aria-label={t('drivers.title')}>
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((vi) => {
            const d = sorted[vi.index];
            return d ? <DriverRowView key={d.id} d={d} now={now} top={vi.start} desk={desk} /> : null;
          })}
        </div>
      </div>
      {phoneOf !== null && <DriverPhoneDialog driverId={phoneOf} />}
    </section>
  );
}
