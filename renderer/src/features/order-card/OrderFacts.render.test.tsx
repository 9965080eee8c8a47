// @vitest-environment happy-dom
// The facts both cards show, rendered: the live card and the archive card read the same rows from
// OrderFacts, so one order gives the same labels and values in both, in Russian and English.
import { act, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toArchiveOrder } from '../../../../shared/archive/archive-search';
import { testOrderRow } from '../../../../shared/testing/order-row';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useSettingsStore } from '../settings/store';
import { OrderFactRows, ProblemSection } from './OrderFacts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ORDER = testOrderRow({
  id: 'o-1',
  number: 'MR-100001',
  customerName: 'ТОО «Факт»',
  customerPhone: '',
  pickupAddress: 'ул. Складская, 1',
  deliveryAddress: 'пр. Абая, 10',
  deliveryCity: 'Алматы',
  serviceType: 'express',
  cargoDescription: 'Коробки',
  weightKg: 1200,
  places: 3,
});

let dom: DomHost;
beforeEach(() => {
  dom = mountHost();
});
afterEach(() => dom.unmount());

function render(lang: 'ru' | 'en', node: ReactNode): HTMLElement {
  useSettingsStore.setState({ language: lang });
  act(() => dom.root.render(node));
  return dom.host;
}

/** The list as "label: value" lines, spaces normalised (Intl puts narrow spaces in numbers). */
function rows(host: HTMLElement): string[] {
  const dts = Array.from(host.querySelectorAll('dt'));
  return dts.map((dt) => `${dt.textContent}: ${(dt.nextElementSibling?.textContent ?? '').replace(/\s/g, ' ')}`);
}

describe('the order facts both cards show', () => {
  it('lists customer, route, service and cargo in English, a missing phone as a dash', () => {
    const host = render('en', <OrderFactRows order={ORDER} />);
    expect(rows(host)).toEqual([
      'Customer: ТОО «Факт»',
      'Phone: —',
      'Pickup: ул. Складская, 1',
      'Delivery: пр. Абая, 10, Алматы',
      'Service: Express',
      'Cargo: Коробки, 1,200 kg, 3 places',
    ]);
  });

  it('gives an archive order the same rows as its replica row (Russian), extra rows where asked', () => {
    const extra = (
      <>
        <dt>X</dt>
        <dd>y</dd>
      </>
    );
    const live = rows(render('ru', <OrderFactRows order={ORDER} afterRoute={extra} />));
    const archived = rows(render('ru', <OrderFactRows order={toArchiveOrder({ ...ORDER, cargoDescription: '' }, null)} />));
    expect(live).toEqual(['Клиент: ТОО «Факт»', 'Телефон: —', 'Забор: ул. Складская, 1', 'Доставка: пр. Абая, 10, Алматы', 'X: y', 'Услуга: Экспресс', 'Груз: Коробки, 1 200 кг, мест: 3']);
    expect(archived).toEqual([...live.slice(0, 4), ...live.slice(5, 6), 'Груз: 1 200 кг, мест: 3']);
  });

  it('shows the customer\'s phone in the one phone format, however it was typed', () => {
    expect(rows(render('en', <OrderFactRows order={{ ...ORDER, customerPhone: '87011234567' }} />))[1]).toBe('Phone: +7 701 123 45 67');
    expect(rows(render('ru', <OrderFactRows order={{ ...ORDER, customerPhone: '+7 (727) 090-53-38' }} />))[1]).toBe('Телефон: +7 727 090 53 38');
  });

  it('names the problem reason in words, a missing one as a dash, with the comment', () => {
    const host = render('en', <ProblemSection reason="recipient_unreachable" comment="Door locked" />);
    expect(host.querySelector('section')?.getAttribute('aria-label')).toBe('Problem');
    expect(host.textContent).toBe('ProblemRecipient unreachableDoor locked');
    expect(render('ru', <ProblemSection reason={null} />).textContent).toBe('Проблема—');
  });
});
