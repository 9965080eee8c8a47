// The Carriers tab (plugged in by renderer/src/app/screens.tsx): filters on the left, ranked
// results in the middle, the carrier card on the right. Searches run in main on the replica,
// so they work offline; edits are sync mutations and come back as change events, which the
// refresh plan's 'carriers' target turns into a fresh list and card.
import { useEffect } from 'react';
import { CarrierCardPanel } from './CarrierCardPanel';
import { BlacklistDialog, CarrierDialog, LaneDialog, RateDialog, VehicleDialog } from './EditDialogs';
import { FilterForm } from './FilterForm';
import { ImportWizard } from './ImportWizard';
import { ResultList } from './ResultList';
import { exportResults, loadCities, openDialog, search, showCarriers, useCanEditCarriers, useCarriersStore } from './store';
import { useT } from '../../i18n/use-t';
import './carriers.css';

function Summary() {
  const t = useT();
  const results = useCarriersStore((s) => s.results);
  const count = useCarriersStore((s) => s.count);
  const searching = useCarriersStore((s) => s.searching);
  const tookMs = useCarriersStore((s) => s.tookMs);
  const resolved = useCarriersStore((s) => s.resolved);
  const parts: string[] = [];
  if (resolved.fromCity || resolved.toCity) parts.push(t('carriers.direction', { from: resolved.fromCity ?? '*', to: resolved.toCity ?? '*' }));
  if (count) parts.push(count.capped ? t('carriers.foundMore', { n: count.total }) : t('carriers.found', { n: count.total }));
  else if (results.length > 0) parts.push(t('carriers.counting'));
  if (results.length > 0) parts.push(t('carriers.shownOf', { shown: results.length }));
  if (tookMs !== null) parts.push(t('carriers.took', { ms: tookMs }));
  return (
    <div className="cr-summary" role="status" aria-live="polite">
      {searching ? t('carriers.searching') : parts.join(' · ')}
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
  const t = useT();
  const selected = useCarriersStore((s) => s.selectedId);
  const exporting = useCarriersStore((s) => s.exporting);
  const notice = useCarriersStore((s) => s.notice);
  const canEdit = useCanEditCarriers();
  useEffect(() => {
    void loadCities();
    void search();
  }, []);
  // Edits by anyone (this console or another logistician) re-read the list and the card
  // through the refresh plan while the screen shows.
  useEffect(() => {
    showCarriers(true);
    return () => showCarriers(false);
  }, []);

  return (
    <div className={`carriers${selected ? ' cr-with-card' : ''}`}>
      <section className="cr-left" aria-label={t('carriers.filters')}>
        <h1 className="cr-title">{t('carriers.title')}</h1>
        <FilterForm />
      </section>
      <section className="cr-middle" aria-label={t('carriers.results')}>
        <header className="cr-toolbar">
          <Summary />
          {canEdit && (
            <>
              <button type="button" className="btn btn-small" onClick={() => openDialog({ kind: 'create' })}>
                + {t('carriers.add')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => openDialog({ kind: 'import' })}>
                {t('carriers.import')}
              </button>
            </>
          )}
          <button type="button" className="btn btn-small" disabled={exporting} onClick={() => void exportResults((n, file) => t('carriers.exported', { n, file }), t.lang)}>
            {exporting ? t('carriers.exporting') : t('carriers.export')}
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
