// Search box, filters and the result count above the queue, and the order import's button.
import { useEffect, useRef } from 'react';
import { SERVICE_TYPES } from '../../../../shared/domain/vocabulary';
import { ORDER_STATUSES } from '../../../../shared/domain/vocabulary';
import { useLayoutStore } from '../../app/layout-store';
import { useT } from '../../i18n/use-t';
import { SEARCH_INPUT_ID } from '../../ui/dom-ids';
import { DriverPicker } from './DriverPicker';
import { activeFilterCount, type StatusFilter } from './filters';
import { clearFilters, setFilters, setSearch, setSort, useOrdersStore } from './store';
import { useWarehousesStore } from './warehouses-store';
import { CarriedBySelect } from '../../ui/CarriedBySelect';
import { canImportOrders } from '../../../../shared/api/order-actions';
import { openOrderImport } from '../order-import/store';
import { useSessionStore } from '../session/store';

function SearchIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

export function QueueTools() {
  const t = useT();
  const filters = useOrdersStore((s) => s.filters);
  const sort = useOrdersStore((s) => s.sort);
  const total = useOrdersStore((s) => s.total);
  const warehouses = useWarehousesStore((s) => s.warehouses);
  const focusSeq = useLayoutStore((s) => s.focusSearchSeq);
  const searchRef = useRef<HTMLInputElement>(null);
  const mayImport = useSessionStore((s) => canImportOrders(s.session?.actor ?? null));

  useEffect(() => {
    if (focusSeq > 0) {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  }, [focusSeq]);

  const nFilters = activeFilterCount(filters);
  return (
    <div className="queue-tools">
      <div className="search">
        <SearchIcon />
        <input
          ref={searchRef}
          id={SEARCH_INPUT_ID}
          className="input"
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={filters.search}
          onChange={(e) => setSearch(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="filters" role="group" aria-label={t('filters.label')}>
        <select
          className="select"
          aria-label={t('filters.status')}
          value={filters.status}
          onChange={(e) => void setFilters({ status: e.target.value as StatusFilter })}
        >
          <option value="open">{t('filters.active')}</option>
          <option value="all">{t('filters.any')}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.dyn(`status.${s}`, s)}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label={t('filters.risk')}
          value={filters.risk ?? ''}
          onChange={(e) => void setFilters({ risk: e.target.value === '' ? null : (e.target.value as 'breached' | 'at_risk') })}
        >
          <option value="">{t('filters.anyRisk')}</option>
          <option value="at_risk">{t('filters.risk.atRisk')}</option>
          <option value="breached">{t('filters.risk.breached')}</option>
        </select>
        <select
          className="select"
          aria-label={t('filters.service')}
          value={filters.serviceType ?? ''}
          onChange={(e) => void setFilters({ serviceType: e.target.value === '' ? null : (e.target.value as (typeof SERVICE_TYPES)[number]) })}
        >
          <option value="">{t('filters.anyService')}</option>
          {SERVICE_TYPES.map((s) => (
            <option key={s} value={s}>
              {t.dyn(`service.${s}`, s)}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label={t('filters.warehouse')}
          // A warehouse's name can be longer than the box: the whole of it on hover.
          title={warehouses.find((w) => w.id === filters.warehouseId)?.name ?? t('filters.anyWarehouse')}
          value={filters.warehouseId ?? ''}
          onChange={(e) => void setFilters({ warehouseId: e.target.value || null })}
        >
          <option value="">{t('filters.anyWarehouse')}</option>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
        <CarriedBySelect value={filters.carriedBy} onChange={(carriedBy) => void setFilters({ carriedBy })} />
        <DriverPicker value={filters.driverId} onChange={(driverId) => void setFilters({ driverId })} />
        <select className="select" aria-label={t('filters.sort')} value={sort} onChange={(e) => void setSort(e.target.value as 'time_left' | 'newest')}>
          <option value="time_left">{t('filters.sort.timeLeft')}</option>
          <option value="newest">{t('filters.sort.newest')}</option>
        </select>
      </div>
      <div className="queue-meta">
        <span aria-live="polite">{t('queue.count', { n: total })}</span>
        <span>
          {nFilters > 0 && (
            <button type="button" className="btn btn-ghost btn-small" onClick={() => void clearFilters()}>
              {t('filters.clear')} ({nFilters})
            </button>
          )}
          {/* Orders from a shop's spreadsheet (features/order-import), beside the queue they join. */}
          {mayImport && (
            <button type="button" className="btn btn-small" onClick={openOrderImport}>
              {t('orderImport.open')}
            </button>
          )}
        </span>
      </div>
    </div>
  );
}
