// Assign (or reassign) a driver: suggestions ranked by distance to the pickup, load and shift
// (shared/domain/driver-ranking, computed in main). Enter on a suggestion assigns it.
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { useClockStore } from '../clock/store';
import { Dialog } from './Dialog';
import { excludedText, suggestionReasons } from './suggestion-reasons';
import { assignDriver, useOrderCardStore } from './store';

export function AssignDialog({ number }: { number: string }) {
  const t = useT();
  const now = useClockStore((s) => s.now);
  const suggestions = useOrderCardStore((s) => s.suggestions);
  const loading = useOrderCardStore((s) => s.suggestionsLoading);
  const busy = useOrderCardStore((s) => s.busy);
  const error = useOrderCardStore((s) => s.commandError);
  const currentDriver = useOrderCardStore((s) => s.detail?.order.driverId ?? null);
  const list = suggestions?.suggestions ?? [];
  const listRef = useRef<HTMLUListElement>(null);
  // Suggestions arrive after the dialog opens: move focus to the best one, so Enter assigns it.
  useEffect(() => {
    if (suggestions) listRef.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
  }, [suggestions]);
  return (
    <Dialog title={t('assign.title', { number })}>
      {error && <p className="card-rejected" role="alert">{error}</p>}
      {suggestions?.nobodyOnShift && <p className="card-rejected">{t('assign.nobodyOnShift')}</p>}
      {loading && !suggestions && <p className="muted">{t('card.loading')}</p>}
      {suggestions && list.length === 0 && !suggestions.nobodyOnShift && <p className="muted">{t('assign.empty')}</p>}
      <ul ref={listRef} className="suggestions" aria-label={t('assign.suggestions')}>
        {list.map((s, i) => (
          <li key={s.driverId} className="suggestion">
            <div>
              <strong>{s.name}</strong>{' '}
              <span className="muted">
                · {t.dyn(`shift.${s.shiftState}`, s.shiftState)} · {t('assign.load', { n: s.load })}
                {s.distanceKm !== null && ` · ${t('assign.distance', { km: t.fmt.km(s.distanceKm) })}`}
                {s.noSignal && ` · ${t('assign.noSignal')}`}
                {s.isRegular && ` · ${t('assign.regular')}`}
              </span>
            </div>
            <button
              type="button"
              className={`btn btn-small${i === 0 ? ' btn-primary' : ''}`}
              disabled={busy || s.driverId === currentDriver}
              aria-label={t('assign.choose', { driver: s.name })}
              onClick={() => void assignDriver(s.driverId)}
            >
              {t('action.assign')}
            </button>
            <span className="why">{t('assign.score', { n: Math.round(s.score) })}</span>
            <div className="suggestion-why muted">{suggestionReasons(s, now, t).join(' · ')}</div>
          </li>
        ))}
      </ul>
      {suggestions && suggestions.excluded.length > 0 && (
        <p className="hint">{t('assign.excluded', { names: excludedText(suggestions.excluded, t) })}</p>
      )}
    </Dialog>
  );
}
