// The Carriers tab (plugged in by renderer/src/app/screens.tsx): filters on the left, ranked
// results in the middle, the carrier card on the right. Searches run in main on the replica,
// so they work offline; edits are sync mutations and come back as change events.
import { useEffect } from 'react';
import { api } from '../../api/client';
import { CarrierCardPanel } from './CarrierCardPanel';
import { BlacklistDialog, CarrierDialog, LaneDialog, RateDialog, VehicleDialog } from './EditDialogs';
import { FilterForm } from './FilterForm';
import { ImportWizard } from './ImportWizard';
import { ResultList } from './ResultList';
import { exportResults, loadCities, openDialog, reloadCard, search, useCanEditCarriers, useCarriersStore } from './store';
import { useCarrierText } from './carriers-text';
import './carriers.css';

const CARRIER_TABLES = ['carriers', 'carrier_vehicles', 'carrier_lanes', 'carrier_offers', 'carrier_deals'];

/** Edits by anyone (this console or another logistician) refresh the list and the card. */
function useCarrierRefresh(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api().on('changes', (e) => {
      if (!e.all && !e.tables.some((tb) => CARRIER_TABLES.includes(tb))) return;
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void search();
        void reloadCard();
      }, 400);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
}

function Summary() {
  const t = useCarrierText();
  const { results, count, searching, tookMs, resolved } = useCarriersStore();
  const parts: string[] = [];
  if (resolved.fromCity || resolved.toCity) parts.push(t('direction', { from: resolved.fromCity ?? '*', to: resolved.toCity ?? '*' }));
  if (count) parts.push(count.capped ? t('foundMore', { n: count.total }) : t('found', { n: count.total }));
  else if (results.length > 0) parts.push(t('counting'));
  if (results.length > 0) parts.push(t('shownOf', { shown: results.length }));
  if (tookMs !== null) parts.push(t('took', { ms: tookMs }));
  return (
    <div className="cr-summary" role="status" aria-live="polite">
      {searching ? t('searching') : parts.join(' · ')}
    </div>
  );
}

function Dialogs() {
  const dialog = useCarriersStore((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return <CarrierDialog mode="create" />;
    case 'edit':
      return <CarrierDialog mode="edit" />;
    case 'vehicle':
      return <VehicleDialog />;
    case 'lane':
      return <LaneDialog />;
    case 'offer':
      return <RateDialog kind="offer" />;
    case 'deal':
      return <RateDialog kind="deal" />;
    case 'blacklist':
      return <BlacklistDialog />;
    case 'import':
      return <ImportWizard />;
  }
}

export default function CarriersScreen() {
  const t = useCarrierText();
  const selected = useCarriersStore((s) => s.selectedId);
  const exporting = useCarriersStore((s) => s.exporting);
  const notice = useCarriersStore((s) => s.notice);
  const canEdit = useCanEditCarriers();
  useEffect(() => {
    void loadCities();
    void search();
  }, []);
  useCarrierRefresh();

  return (
    <div className={`carriers${selected ? ' cr-with-card' : ''}`}>
      <section className="cr-left" aria-label={t('filters')}>
        <h1 className="cr-title">{t('title')}</h1>
        <FilterForm />
      </section>
      <section className="cr-middle" aria-label={t('results')}>
        <header className="cr-toolbar">
          <Summary />
          {canEdit && (
            <>
              <button type="button" className="btn btn-small" onClick={() => openDialog({ kind: 'create' })}>
                + {t('add')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => openDialog({ kind: 'import' })}>
                {t('import')}
              </button>
            </>
          )}
          <button type="button" className="btn btn-small" disabled={exporting} onClick={() => void exportResults((n, file) => t('exported', { n, file }), t.lang)}>
            {exporting ? t('exporting') : t('export')}
          </button>
        </header>
        <div className="cr-list">
          <ResultList />
        </div>
      </section>
      {selected && <CarrierCardPanel />}
      {notice && (
        <div className="cr-notice" role="status">
          {notice}
        </div>
      )}
      <Dialogs />
    </div>
  );
}
