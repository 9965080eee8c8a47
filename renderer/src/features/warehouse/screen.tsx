// The warehouse tab (plugged in by renderer/src/app/screens.tsx): the storekeeper's pick list
// with the scanner box on top. A warehouse user sees their own warehouse; desk roles choose one.
import { useEffect, useMemo } from 'react';
import { api } from '../../api/client';
import { useSessionStore } from '../session/store';
import { PickTable } from './PickTable';
import { PrintHost } from './PrintArea';
import { ProblemDialog } from './ProblemDialog';
import { ScanBox } from './ScanBox';
import { chooseWarehouse, loadPickList, loadWarehouses, print, useWarehouseStore } from './store';
import { useWarehouseText } from './warehouse-text';
import './warehouse.css';

/** Re-read the list when orders change, at most every 300 ms (a frame can carry many rows). */
function usePickListRefresh(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api().on('changes', (e) => {
      if (!e.all && !e.tables.includes('orders')) return;
      if (timer === null) timer = setTimeout(() => ((timer = null), void loadPickList()), 300);
    });
    // Countdowns tick on their own; this catches orders whose SLA order changed without an event.
    const every = setInterval(() => void loadPickList(), 60_000);
    return () => {
      off();
      clearInterval(every);
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
}

export default function WarehouseScreen() {
  const w = useWarehouseText();
  const session = useSessionStore((s) => s.session);
  const { warehouses, warehouseId, items, loaded, error, problemFor } = useWarehouseStore();
  const own = session?.user?.warehouseId ?? null;
  const actions = session?.actions ?? [];
  const current = own ?? warehouseId;
  const name = useMemo(() => warehouses.find((x) => x.id === current)?.name ?? '', [warehouses, current]);

  useEffect(() => {
    void loadWarehouses();
    void chooseWarehouse(own);
  }, [own]);
  usePickListRefresh();

  return (
    <div className="warehouse" aria-label={w('title')}>
      <header className="wh-head">
        <h1 className="wh-title">
          {w('title')}
          {name && <span className="muted"> · {name}</span>}
        </h1>
        {own === null && (
          <label className="wh-choose">
            <span>{w('warehouse')}</span>
            <select className="select" value={warehouseId ?? ''} onChange={(e) => void chooseWarehouse(e.target.value || null)}>
              <option value="">{w('allWarehouses')}</option>
              {warehouses.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({x.city})
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="count-badge" aria-label={w('toPick', { n: items.length })}>
          {w('toPick', { n: items.length })}
        </span>
        <span className="topbar-spacer" />
        <button type="button" className="btn" disabled={items.length === 0} onClick={() => print({ kind: 'pickList', items })}>
          {w('printPickList')}
        </button>
        <button type="button" className="btn" disabled={items.length === 0} onClick={() => print({ kind: 'labels', items })}>
          {w('printLabels')}
        </button>
      </header>
      <ScanBox />
      {error && <div className="error-text">{error}</div>}
      {items.length === 0 ? (
        <div className="empty">{loaded ? w('empty') : '…'}</div>
      ) : (
        <PickTable items={items} canPick={actions.includes('mark_picked')} canReport={actions.includes('report_problem')} />
      )}
      {problemFor && <ProblemDialog item={problemFor} />}
      <PrintHost warehouseName={name} />
    </div>
  );
}
