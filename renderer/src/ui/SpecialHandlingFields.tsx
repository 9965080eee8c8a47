// An order's special handling (hazard class, fragile, refrigerated), the same fields in every
// form that writes an order: the new-order form and the order card's edit dialog.
import { HAZARD_CLASSES, type HazardClass } from '../../../shared/domain/order-intake';
import { useT } from '../i18n/use-t';
import type { OrderFieldsDraft } from './order-draft';

export type SpecialHandling = Pick<OrderFieldsDraft, 'hazardClass' | 'fragile' | 'refrigerated'>;

/** Renders into the form's grid: the class select and two checkboxes, each its own cell. */
export function SpecialHandlingFields({ value, onChange, id, problem }: { value: SpecialHandling; onChange: (patch: Partial<SpecialHandling>) => void; id: string; problem?: string }) {
  const t = useT();
  const errorId = `${id}-error`;
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{t('orderForm.field.hazardClass')}</label>
        <select
          id={id}
          className="select"
          aria-invalid={problem === undefined ? undefined : true}
          aria-describedby={problem === undefined ? undefined : errorId}
          value={value.hazardClass}
          onChange={(e) => onChange({ hazardClass: e.target.value as HazardClass | '' })}
        >
          <option value="">{t('orderForm.hazardNone')}</option>
          {HAZARD_CLASSES.map((h) => (
            <option key={h} value={h}>
              {t('orderForm.hazardClassOf', { n: h })}
            </option>
          ))}
        </select>
        {problem !== undefined && (
          <small id={errorId} className="error-text no-error">
            {problem}
          </small>
        )}
      </div>
      <label className="field no-check">
        <input type="checkbox" checked={value.fragile} onChange={(e) => onChange({ fragile: e.target.checked })} />
        <span>{t('orderForm.fragile')}</span>
      </label>
      <label className="field no-check">
        <input type="checkbox" checked={value.refrigerated} onChange={(e) => onChange({ refrigerated: e.target.checked })} />
        <span>{t('orderForm.refrigerated')}</span>
      </label>
    </>
  );
}
