// The pick list: most urgent SLA first (main sorts it), what to pick, the live countdown, and
// the actions a storekeeper has: picked, problem, label. A plain table: a shift's list is
// tens of rows, not thousands.
import type { PickListItem } from '../../../../shared/api/warehouse-api';
import { SlaCountdown } from '../../ui/SlaCountdown';
import { openProblem, pickByClick, print } from './store';
import { useT } from '../../i18n/use-t';

export function PickTable({ items, canPick, canReport }: { items: PickListItem[]; canPick: boolean; canReport: boolean }) {
  const t = useT();
  return (
    <table className="pick-table" aria-label={t('warehouse.listLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('warehouse.colSla')}</th>
          <th scope="col">{t('warehouse.colNumber')}</th>
          <th scope="col">{t('warehouse.colCustomer')}</th>
          <th scope="col">{t('warehouse.colCargo')}</th>
          <th scope="col" className="n">{t('warehouse.colWeight')}</th>
          <th scope="col" className="n">{t('warehouse.colVolume')}</th>
          <th scope="col" className="n">{t('warehouse.colPlaces')}</th>
          <th scope="col">{t('warehouse.colActions')}</th>
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
                {i.pending && <span className="pending-dot" title={t('warehouse.pending')} aria-label={t('warehouse.pending')} />}
              </span>
            </th>
            <td className="pick-cust">
              <div>{i.customerName}</div>
              <div className="muted">{i.deliveryAddress}</div>
            </td>
            <td className="pick-cargo">{i.cargoDescription || '—'}</td>
            <td className="n tabular">{t.fmt.number(i.weightKg, 1)}</td>
            <td className="n tabular">{t.fmt.number(i.volumeM3, 2)}</td>
            <td className="n tabular">{i.places}</td>
            <td>
              <div className="pick-actions">
                {canPick && (
                  <button type="button" className="btn btn-small btn-primary" aria-label={t('warehouse.markPickedOf', { number: i.number })} onClick={() => void pickByClick(i)}>
                    {t('warehouse.markPicked')}
                  </button>
                )}
                {canReport && (
                  <button type="button" className="btn btn-small btn-danger" aria-label={t('warehouse.problemOf', { number: i.number })} onClick={() => openProblem(i)}>
                    {t('warehouse.problem')}
                  </button>
                )}
                <button type="button" className="btn btn-small" aria-label={t('warehouse.labelOf', { number: i.number })} onClick={() => print({ kind: 'labels', items: [i] })}>
                  {t('warehouse.label')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
