// The card dialogs' choice of a status to move an order to (a status correction, where a
// resolved problem goes): the allowed targets (decided in shared/, passed in) by their names in
// the console's language, and an empty first choice that means "none chosen" or "the default".
import type { OrderStatus } from '../../../../shared/domain/vocabulary';
import { useT } from '../../i18n/use-t';

export function StatusSelect({
  label,
  emptyLabel,
  targets,
  value,
  onChange,
}: {
  label: string;
  emptyLabel: string;
  targets: readonly OrderStatus[];
  value: OrderStatus | '';
  onChange: (to: OrderStatus | '') => void;
}) {
  const t = useT();
  return (
    <label className="field">
      <span>{label}</span>
      <select className="select" data-autofocus value={value} onChange={(e) => onChange(e.target.value as OrderStatus | '')}>
        <option value="">{emptyLabel}</option>
        {targets.map((s) => (
          <option key={s} value={s}>
            {t.dyn(`status.${s}`, s)}
          </option>
        ))}
      </select>
    </label>
  );
}
