// The virtualised order queue: only the ~30 rows in view exist in the DOM; their pages are
// fetched from main as the list scrolls. The list is a listbox: ↑/↓ move the cursor
// (aria-activedescendant), Enter opens the card (see keyboard/use-shortcuts.ts).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { OrderListRow } from '../../../../shared/api/orders-api';
import { useLayoutStore } from '../../app/layout-store';
import { useT } from '../../i18n/use-t';
import { openOrder, useOrderCardStore } from '../order-card/store';
import { QueueTools } from './QueueTools';
import { SlaCountdown } from '../../ui/SlaCountdown';
import { StatusChip } from '../../ui/StatusChip';
import { rowAt, setCursor, setVisibleRange, useOrdersStore } from './store';

export const ROW_HEIGHT = 52;
export const QUEUE_LIST_ID = 'order-queue';

export function rowDomId(index: number): string {
  return `order-row-${index}`;
}

const OrderRowView = memo(function OrderRowView({
  row,
  index,
  top,
  isCursor,
  isSelected,
}: {
  row: OrderListRow;
  index: number;
  top: number;
  isCursor: boolean;
  isSelected: boolean;
}) {
  const t = useT();
  const driver = row.driverName ?? t('queue.unassigned');
  return (
    <div
      id={rowDomId(index)}
      role="option"
      aria-selected={isCursor}
      aria-label={`${row.number}, ${row.customerName}, ${t.dyn(`status.${row.status}`, row.status)}`}
      className={`order-row${isCursor ? ' cursor' : ''}${isSelected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => {
        setCursor(index);
        void openOrder(row.id);
      }}
    >
      <div className="l1">
        {row.pending && <span className="pending-dot" title={t('queue.pending')} aria-label={t('queue.pending')} />}
        <span className="num">{row.number}</span>
        {row.vip && <span className="vip">VIP</span>}
        <span className="cust">{row.customerName}</span>
      </div>
      <SlaCountdown row={row} />
      <div className="l2">
        <StatusChip status={row.status} subMark={row.subMark} />
        <span className="addr">{row.deliveryAddress}</span>
      </div>
      <span className={`drv${row.driverName ? '' : ' none'}`}>{driver}</span>
    </div>
  );
});

function PlaceholderRow({ top }: { top: number }) {
  return <div className="order-row" aria-hidden="true" style={{ transform: `translateY(${top}px)` }} />;
}

export function OrderQueue() {
  const t = useT();
  const total = useOrdersStore((s) => s.total);
  const pages = useOrdersStore((s) => s.pages);
  const cursor = useOrdersStore((s) => s.cursor);
  const loaded = useOrdersStore((s) => s.loaded);
  const error = useOrdersStore((s) => s.error);
  const selectedId = useOrderCardStore((s) => s.orderId);
  const focusSeq = useLayoutStore((s) => s.focusQueueSeq);
  const parentRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length > 0 ? (items[items.length - 1]?.index ?? 0) + 1 : 0;

  useEffect(() => {
    void setVisibleRange(first, Math.max(last, first + 1));
  }, [first, last]);

  // Keep the keyboard cursor in view.
  useEffect(() => {
    if (total > 0) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, total, virtualizer]);

  useEffect(() => {
    if (focusSeq > 0) parentRef.current?.focus();
  }, [focusSeq]);

  return (
    <section className="queue" aria-label={t('queue.label')}>
      <QueueTools />
      {error && <div className="error-text" role="alert">{t('error.generic', { message: error })}</div>}
      <div
        ref={parentRef}
        id={QUEUE_LIST_ID}
        className="queue-list"
        role="listbox"
        aria-label={t('queue.label')}
        tabIndex={0}
        aria-activedescendant={total > 0 ? rowDomId(cursor) : undefined}
      >
        {!loaded && <div className="empty">{t('queue.loading')}</div>}
        {loaded && total === 0 && <div className="empty">{t('queue.empty')}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt({ pages }, item.index);
            return row ? (
              <OrderRowView
                key={row.id}
                row={row}
                index={item.index}
                top={item.start}
                isCursor={item.index === cursor}
                isSelected={row.id === selectedId}
              />
            ) : (
              <PlaceholderRow key={`p-${item.index}`} top={item.start} />
            );
          })}
        </div>
      </div>
    </section>
  );
}
