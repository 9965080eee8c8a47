import type { OrderStatus, SubMark } from '../../../shared/domain/vocabulary';
import { useT } from '../i18n/use-t';

export function StatusChip({ status, subMark }: { status: OrderStatus; subMark?: SubMark | null }) {
  const t = useT();
  const label = t.dyn(`status.${status}`, status);
  const sub = subMark ? t.dyn(`subMark.${subMark}`, subMark) : null;
  return (
    <span className={`status status-${status}`} title={sub ?? undefined}>
      {label}
    </span>
  );
}
