// The warehouse tab (plugged in by renderer/src/app/screens.tsx): the storekeeper's pick list
// with the scanner box on top. A warehouse user sees their own warehouse; desk roles choose one.
import { useEffect, useMemo } from 'react';
import { useSessionStore } from '../session/store';
import { PickTable } from './PickTable';
import { PrintHost } from './PrintArea';
import { ProblemDialog } from './ProblemDialog';
import { ScanBox } from './ScanBox';
import { chooseWarehouse, loadWarehouses, print, showWarehouse, useWarehouseStore } from './store';
import './warehouse.css';
import { useT } from '../../i18n/use-t';

export default function WarehouseScreen() {
  const t = useT();
  const session = useSessionStore((s) => s.session);
  const warehouses = useWarehouseStore((s) => s.warehouses);
  const warehouseId = useWarehouseStore((s) => s.warehouseId);
  const items = useWarehouseStore((s) => s.items);
  const loaded = useWarehouseStore((s) => s.loaded);
  const error = useWarehouseStore((s) => s.error);
  const problemFor = useWarehouseStore((s) => s.problemFor);
  const own = session?.user?.warehouseId ?? null;
  const actions = session?.actions ?? [];
  const current = own ?? warehouseId;
  const name = useMemo(() => warehouses.find((x) => x.id === current)?.name ?? '', [warehouses, current]);

  useEffect(() => {
    void loadWarehouses();
    void chooseWarehouse(own);
  }, [own]);
  // Order changes re-read the list through the refresh plan while the screen shows.
  useEffect(() => {
    showWarehouse(true);
    return () => showWarehouse(false);
  }, []);

  return (
    <div className="warehouse" aria-label={t('warehouse.title')}>
      <header className="wh-head">
        <h1 className="wh-title">
          {t('warehouse.title')}
          {name && <span className="muted"> · {name}</span>}
        </h1>
        {own === null && (
          <label className="wh-choose">
            <span>{t('warehouse.warehouse')}</span>
            <select className="select" value={warehouseId ?? ''} onChange={(e) => void chooseWarehouse(e.target.value || null)}>
              <option value="">{t('warehouse.allWarehouses')}</option>
              {warehouses.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({x.city})
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="count-badge" aria-label={t('warehouse.toPick', { n: items.length })}>
          {t('warehouse.toPick', { n: items.length })}
        </span>
        <span className="topbar-spacer" />
        <button type="button" className="btn" disabled={items.length === 0} onClick={() => print({ kind: 'pickList', items })}>
          {t('warehouse.printPickList')}
        </button>
        <button type="button" className="btn" disabled={items.length === 0} onClick={() => print({ kind: 'labels', items })}>
          {t('warehouse.printLabels')}
        </button>
      </header>
      <ScanBox />
      {error && <div className="error-text">{error}</div>}
      {items.length === 0 ? (
        <div className="empty">{loaded ? t('warehouse.empty') : '…'}</div>
      ) : (
        <PickTable items={items} canPick={actions.includes('mark_picked')} canReport={actions.includes('report_problem')} />
      )}
      {problemFor && <ProblemDialog item={problemFor} />}
      <PrintHost warehouseName={name} />
    </div>
  );
}
