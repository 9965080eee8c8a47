// An admin's rule per service type as a table of checkboxes: a row per service, a column per
// item the rule can require (checklist items, proof kinds). Everyone sees it; only an admin may
// change it (the mutators refuse anyone else; the boxes are disabled for them). A refused change
// is said under the table as an alert.
import type { ServiceType } from '../../../../shared/domain/vocabulary';
import { useT } from '../../i18n/use-t';

export function ServiceRuleMatrix<R extends { serviceType: ServiceType }, K extends string>({
  title,
  rows,
  columns,
  columnName,
  checked,
  onToggle,
  canEdit,
  error,
}: {
  title: string;
  rows: readonly R[];
  columns: readonly K[];
  columnName: (column: K) => string;
  checked: (row: R, column: K) => boolean;
  onToggle: (row: R, column: K) => void;
  canEdit: boolean;
  error: string | null;
}) {
  const t = useT();
  return (
    <section aria-label={title}>
      <h2 className="sla-subtitle">{title}</h2>
      <table className="sla-table">
        <thead>
          <tr>
            <th />
            {columns.map((c) => (
              <th key={c}>{columnName(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const service = t.dyn(`service.${r.serviceType}`, r.serviceType);
            return (
              <tr key={r.serviceType}>
                <th scope="row">{service}</th>
                {columns.map((c) => (
                  <td key={c}>
                    <input type="checkbox" checked={checked(r, c)} disabled={!canEdit} aria-label={`${service}: ${columnName(c)}`} onChange={() => onToggle(r, c)} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
