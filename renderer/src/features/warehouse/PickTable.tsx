// The pick list: most urgent SLA first (main sorts it), what to pick, the live countdown, and
// the actions a storekeeper has: picked, problem, label. A plain table: a shift's list is
// tens of rows, not thousands.
import type { PickListItem } from '../../../../shared/api/warehouse-api';
import { SlaCountdown } from '../../ui/SlaCountdown';
import { openProblem, pickByClick, print } from './store';
import { useWarehouseText } from './warehouse-text';

export function PickTable({ items, canPick, canReport }: { items: PickListItem[]; canPick: boolean; canReport: boolean }) {
  const w = useWarehouseText();
  return (
    <table className="pick-table" aria-label={w('listLabel')}>
      <thead>
        <tr>
          <th scope="col">{w('colSla')}</th>
          <th scope="col">{w('colNumber')}</th>
          <th scope="col">{w('colCustomer')}</th>
          <th scope="col">{w('colCargo')}</th>
          <th scope="col" className="n">{w('colWeight')}</th>
          <th scope="col" className="n">{w('colVolume')}</th>
          <th scope="col" className="n">{w('colPlaces')}</th>
          <th scope="col">{w('colActions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id} data-order={i.number}>
            <td>
              <SlaCountdown row={i} />
            </td>
            <th scope="row">
              <span className="pick-num">
                {i.number}
                {i.vip && <span className="vip">VIP</span>}
                {i.pending && <span className="pending-dot" title={w('pending')} aria-label={w('pending')} />}
              </span>
            </th>
            <td className="pick-cust">
              <div>{i.customerName}</div>
              <div className="muted">{i.deliveryAddress}</div>
            </td>
            <td className="pick-cargo">{i.cargoDescription || '—'}</td>
            <td className="n tabular">{w.fmt.number(i.weightKg, 1)}</td>
            <td className="n tabular">{w.fmt.number(i.volumeM3, 2)}</td>
            <td className="n tabular">{i.places}</td>
            <td>
              <div className="pick-actions">
                {canPick && (
                  <button type="button" className="btn btn-small btn-primary" aria-label={w('markPickedOf', { number: i.number })} onClick={() => void pickByClick(i)}>
                    {w('markPicked')}
                  </button>
                )}
                {canReport && (
                  <button type="button" className="btn btn-small btn-danger" aria-label={w('problemOf', { number: i.number })} onClick={() => openProblem(i)}>
                    {w('problem')}
                  </button>
                )}
                <button type="button" className="btn btn-small" aria-label={w('labelOf', { number: i.number })} onClick={() => print({ kind: 'labels', items: [i] })}>
                  {w('label')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
