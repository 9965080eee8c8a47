// The filter form: every field has a visible label (e2e tests and screen readers find them by
// it), results follow as you type. Cities offer the base's own spellings as suggestions.
import { useId } from 'react';
import { VEHICLE_TYPES } from '../../../../shared/domain/vocabulary';
import { ADR_CLASSES } from './filters';
import { resetDraft, setDraft, useCarriersStore } from './store';
import { DayInput } from '../../i18n/LocaleInputs';
import { useT } from '../../i18n/use-t';

export function FilterForm() {
  const t = useT();
  const draft = useCarriersStore((s) => s.draft);
  const cities = useCarriersStore((s) => s.cities);
  const listId = useId();
  const id = useId();
  const field = (name: string) => `${id}-${name}`;

  return (
    <form className="cr-filters" aria-label={t('carriers.filters')} onSubmit={(e) => e.preventDefault()} role="search">
      <datalist id={listId}>
        {cities.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <div className="cr-field cr-wide">
        <label htmlFor={field('text')}>{t('carriers.text')}</label>
        <input id={field('text')} className="input" type="search" autoComplete="off" placeholder={t('carriers.textPlaceholder')} value={draft.text} onChange={(e) => setDraft({ text: e.target.value })} />
      </div>
      <div className="cr-row">
        <div className="cr-field">
          <label htmlFor={field('from')}>{t('carriers.fromCity')}</label>
          <input id={field('from')} className="input" list={listId} autoComplete="off" placeholder={t('carriers.anyCity')} value={draft.fromCity} onChange={(e) => setDraft({ fromCity: e.target.value })} />
        </div>
        <div className="cr-field">
          <label htmlFor={field('to')}>{t('carriers.toCity')}</label>
          <input id={field('to')} className="input" list={listId} autoComplete="off" placeholder={t('carriers.anyCity')} value={draft.toCity} onChange={(e) => setDraft({ toCity: e.target.value })} />
        </div>
      </div>
      <div className="cr-field">
        <label htmlFor={field('type')}>{t('carriers.vehicleType')}</label>
        <select id={field('type')} className="select" value={draft.vehicleType} onChange={(e) => setDraft({ vehicleType: e.target.value })}>
          <option value="">{t('carriers.anyType')}</option>
          {VEHICLE_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`carriers.vt_${v}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="cr-row">
        <div className="cr-field">
          <label htmlFor={field('tons')}>{t('carriers.minTonnage')}</label>
          <input id={field('tons')} className="input" inputMode="decimal" value={draft.minTonnage} onChange={(e) => setDraft({ minTonnage: e.target.value })} />
        </div>
        <div className="cr-field">
          <label htmlFor={field('volume')}>{t('carriers.minVolume')}</label>
          <input id={field('volume')} className="input" inputMode="decimal" value={draft.minVolumeM3} onChange={(e) => setDraft({ minVolumeM3: e.target.value })} />
        </div>
      </div>
      <div className="cr-field">
        <label htmlFor={field('adr')}>{t('carriers.adrClass')}</label>
        <select id={field('adr')} className="select" value={draft.adrClass} onChange={(e) => setDraft({ adrClass: e.target.value })}>
          <option value="">{t('carriers.anyAdr')}</option>
          {ADR_CLASSES.map((c) => (
            <option key={c} value={c}>
              ADR {c}
            </option>
          ))}
        </select>
      </div>
      <div className="cr-field">
        <label htmlFor={field('by')}>{t('carriers.availableBy')}</label>
        <DayInput id={field('by')} value={draft.availableBy} onChange={(iso) => setDraft({ availableBy: iso })} />
      </div>
      <fieldset className="cr-checks">
        <label>
          <input type="checkbox" checked={draft.refrigerated} onChange={(e) => setDraft({ refrigerated: e.target.checked })} /> {t('carriers.refrigerated')}
        </label>
        <label>
          <input type="checkbox" checked={draft.oversize} onChange={(e) => setDraft({ oversize: e.target.checked })} /> {t('carriers.oversize')}
        </label>
        <label>
          <input type="checkbox" checked={draft.securityPassed} onChange={(e) => setDraft({ securityPassed: e.target.checked })} /> {t('carriers.securityPassed')}
        </label>
      </fieldset>
      <button type="button" className="btn btn-small btn-ghost" onClick={resetDraft}>
        {t('carriers.reset')}
      </button>
    </form>
  );
}
