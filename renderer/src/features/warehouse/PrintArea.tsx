// What goes to paper: a label per order (number as Code 128, customer, address, places) or the
// shift's pick list. Rendered outside the app root; CSS @media print hides the app and shows
// only this. Then the system print dialog opens (window.print(): printers and "Save as PDF").
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useClockStore } from '../clock/store';
import { Barcode } from './Barcode';
import { print, useWarehouseStore, type PrintJob } from './store';
import type { PickListItem } from '../../../../shared/api/warehouse-api';
import { useT } from '../../i18n/use-t';

function Label({ item }: { item: PickListItem }) {
  const t = useT();
  return (
    <section className="print-label">
      <Barcode value={item.number} height={64} label={item.number} />
      <div className="print-label-cust">{item.customerName}</div>
      <div>{item.deliveryAddress}, {item.deliveryCity}</div>
      <div className="print-label-meta">
        {t('warehouse.colPlaces')}: {item.places} · {t.fmt.kg(item.weightKg)} · {t.fmt.m3(item.volumeM3)}
        {item.slaDeadline !== null && ` · ${t('warehouse.deadline')} ${t.fmt.dateTime(item.slaDeadline)}`}
      </div>
      {item.cargoDescription && <div className="print-label-cargo">{item.cargoDescription}</div>}
    </section>
  );
}

function PickList({ items, warehouse }: { items: PickListItem[]; warehouse: string }) {
  const t = useT();
  const now = useClockStore((s) => s.now);
  return (
    <section className="print-picklist">
      <h1>
        {t('warehouse.printTitle')}: {warehouse}
      </h1>
      <p>{t('warehouse.printedAt', { time: t.fmt.dateTime(now) })}</p>
      <table>
        <thead>
          <tr>
            <th>{t('warehouse.checked')}</th>
            <th>{t('warehouse.colNumber')}</th>
            <th>{t('warehouse.deadline')}</th>
            <th>{t('warehouse.colCustomer')}</th>
            <th>{t('warehouse.colCargo')}</th>
            <th>{t('warehouse.colWeight')}</th>
            <th>{t('warehouse.colVolume')}</th>
            <th>{t('warehouse.colPlaces')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td className="box">☐</td>
              <td>
                <Barcode value={i.number} height={28} label={i.number} />
              </td>
              <td>{i.slaDeadline === null ? '—' : t.fmt.dateTime(i.slaDeadline)}</td>
              <td>
                {i.customerName}
                <br />
                {i.deliveryAddress}
              </td>
              <td>{i.cargoDescription}</td>
              <td>{t.fmt.number(i.weightKg, 1)}</td>
              <td>{t.fmt.number(i.volumeM3, 2)}</td>
              <td>{i.places}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PrintArea({ job, warehouseName }: { job: PrintJob; warehouseName: string }) {
  useEffect(() => {
    const done = (): void => print(null);
    window.addEventListener('afterprint', done);
    // Let the barcodes render first; print() blocks until the dialog closes in Chromium.
    const frame = requestAnimationFrame(() => {
      window.print();
    });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', done);
    };
  }, [job]);
  return createPortal(
    <div className="print-area" data-testid="print-area">
      {job.kind === 'labels' ? job.items.map((i) => <Label key={i.id} item={i} />) : <PickList items={job.items} warehouse={warehouseName} />}
    </div>,
    document.body,
  );
}

/** Mounted by the screen: shows the print view only while a job is set. */
export function PrintHost({ warehouseName }: { warehouseName: string }) {
  const job = useWarehouseStore((s) => s.printing);
  return job ? <PrintArea job={job} warehouseName={warehouseName} /> : null;
}
