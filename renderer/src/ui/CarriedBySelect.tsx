// "Who carries it" for the order queue and the problem queue (issue 16): the own fleet, a
// courier service or a carrier (shared/domain/carried-by.ts), or anyone.
import { CARRIED_BY, type CarriedBy } from '../../../shared/domain/carried-by';
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/use-t';

export const CARRIED_BY_KEY: Record<CarriedBy, MessageKey> = {
  own: 'carriedBy.own',
  courier: 'carriedBy.courier',
  carrier: 'carriedBy.carrier',
};

export function CarriedBySelect({ value, onChange }: { value: CarriedBy | null; onChange: (v: CarriedBy | null) => void }) {
  const t = useT();
  return (
    <select className="select" aria-label={t('carriedBy.label')} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as CarriedBy))}>
      <option value="">{t('carriedBy.any')}</option>
      {CARRIED_BY.map((c) => (
        <option key={c} value={c}>
          {t(CARRIED_BY_KEY[c])}
        </option>
      ))}
    </select>
  );
}
