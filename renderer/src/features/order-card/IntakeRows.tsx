// The card's lines for what came in with the order: the delivery window, handling (fragile,
// refrigerated, ADR class), the confirmation checklist as ticked, and the payment.
import { CHECKLIST_ITEMS } from '../../../../shared/domain/order-intake';
import type { OrderRow } from '../../../../shared/schema';
import { useT } from '../../i18n/use-t';

export function IntakeRows({ order: o }: { order: OrderRow }) {
  const t = useT();
  const handling = [o.fragile ? t('diff.fragile') : null, o.refrigerated ? t('diff.refrigerated') : null, o.hazardClass ? t('intake.adr', { n: o.hazardClass }) : null].filter(Boolean);
  const checked = CHECKLIST_ITEMS.filter((i) => o.checklist?.includes(i));
  return (
    <>
      {o.windowStart !== null && o.windowEnd !== null && (
        <>
          <dt>{t('intake.cardWindow')}</dt>
          <dd className="tabular">
            {t.fmt.dateTime(o.windowStart)}–{t.fmt.time(o.windowEnd)}
          </dd>
        </>
      )}
      {handling.length > 0 && (
        <>
          <dt>{t('intake.cardHandling')}</dt>
          <dd>{handling.join(', ')}</dd>
        </>
      )}
      {checked.length > 0 && (
        <>
          <dt>{t('intake.cardChecklist')}</dt>
          <dd>{checked.map((i) => t(`checklist.${i}`)).join(', ')}</dd>
        </>
      )}
      <dt>{t('intake.cardPayment')}</dt>
      <dd className="tabular">
        {o.paidAt === null || o.paymentAmount === null
          ? t('intake.notPaid')
          : t('intake.paid', {
              amount: t.fmt.money(o.paymentAmount, 'KZT'),
              method: o.paymentMethod ? t.dyn(`payment.${o.paymentMethod}`, o.paymentMethod) : '',
              time: t.fmt.dateTime(o.paidAt),
            })}
      </dd>
    </>
  );
}
