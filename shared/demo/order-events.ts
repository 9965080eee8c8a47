// Turns a demo order's times into its timeline (order_events rows) and the row fields the
// timeline implies. Actors follow the status machine's rules (shared/domain/order-status.ts):
// the warehouse scans, drivers and GPS move orders on the road, couriers report by webhook,
// accounting closes, only the desk cancels.
import type { Actor, EventSource, OrderStatus, ProblemReason, SubMark } from '../domain/vocabulary';
import type { DemoDriver } from './generate-reference';
import { DEMO_USER_SPECS } from './generate-reference';
import type { DemoOrderEvent } from './generate-orders';
import type { Handling, OrderPlan } from './order-plans';
import type { OrderTimes } from './order-timeline';
import type { Rng } from './prng';

export interface EventActors {
  dispatcher: { id: string; name: string };
  warehouseUserId: string;
  driver: DemoDriver | null;
  handling: Handling;
}

/** Row fields that follow from the timeline. */
export interface TimelineState {
  subMark: SubMark | null;
  problemReason: ProblemReason | null;
  problemComment: string | null;
  assignedAt: number | null;
  pickedAt: number | null;
  deliveredAt: number | null;
  statusChangedAt: number;
  updatedAt: number;
}

const PROBLEM_TEXT: Readonly<Record<ProblemReason, string>> = {
  refused: 'Получатель отказался от заказа при получении',
  damaged: 'Повреждена упаковка, товар помят',
  short_delivery: 'Недостача: не хватает одного места',
  address_not_found: 'Адрес не найден, номер дома не совпадает',
  recipient_unreachable: 'Получатель не отвечает на звонки',
  vehicle_breakdown: 'Поломка автомобиля, ждём замену',
  delay: 'Пробка на трассе, задержка',
  other: 'Клиент просит перенести доставку на завтра',
};

const PROBLEM_REASONS_FROM: Readonly<Record<'confirmed' | 'at_warehouse' | 'in_transit', readonly ProblemReason[]>> = {
  confirmed: ['short_delivery', 'recipient_unreachable', 'address_not_found', 'other'],
  at_warehouse: ['short_delivery', 'damaged', 'other'],
  in_transit: ['refused', 'damaged', 'address_not_found', 'recipient_unreachable', 'vehicle_breakdown', 'delay', 'other'],
};

const DELIVERY_PROOF = ['Подпись получателя', 'Код подтверждения из SMS', 'Фото накладной', 'Передано на ресепшн'];
const CANCEL_TEXT = ['Клиент отменил заказ', 'Дубль заказа', 'Клиент передумал, возврат оплаты', 'Товара нет в наличии'];

const USER_NAMES: ReadonlyMap<string, string> = new Map(DEMO_USER_SPECS.map((u) => [u.id, u.name]));

interface Who {
  actor: Actor;
  actorId: string | null;
  actorName: string | null;
  source: EventSource;
}

export function timelineEvents(
  orderId: string,
  plan: OrderPlan,
  times: OrderTimes,
  actors: EventActors,
  rng: Rng,
): { events: DemoOrderEvent[]; state: TimelineState } {
  const events: DemoOrderEvent[] = [];
  const { driver, handling } = actors;
  const desk: Who = { actor: 'dispatcher', actorId: actors.dispatcher.id, actorName: actors.dispatcher.name, source: 'manual' };
  const courier: Who = { actor: 'courier', actorId: 'cdek', actorName: 'CDEK', source: 'courier' };
  const warehouse: Who = { actor: 'warehouse', actorId: actors.warehouseUserId, actorName: USER_NAMES.get(actors.warehouseUserId) ?? null, source: 'manual' };
  const byDriver: Who | null = driver ? { actor: 'driver', actorId: driver.id, actorName: driver.name, source: 'manual' } : null;
  const byGps: Who | null = driver ? { actor: 'gps', actorId: driver.id, actorName: driver.name, source: 'gps' } : null;
  /** Who reports movement on the road: the courier's webhook, the phone's GPS, or the desk. */
  const road = (): Who => (handling === 'courier' ? courier : handling === 'carrier' ? desk : (rng.chance(0.7) ? byGps : byDriver) ?? desk);

  let status: OrderStatus = 'new';
  const state: TimelineState = {
    subMark: null, problemReason: null, problemComment: null, assignedAt: null, pickedAt: null,
    deliveredAt: null, statusChangedAt: times.createdAt, updatedAt: times.createdAt,
  };
  const push = (at: number, who: Who, fields: Partial<DemoOrderEvent> & Pick<DemoOrderEvent, 'kind'>): void => {
    events.push({
      id: `${orderId}-e${events.length + 1}`, orderId, at, fromStatus: null, toStatus: null, subMark: null,
      reason: null, comment: null, driverId: null, changes: null, ...who, ...fields,
    });
    state.updatedAt = at;
  };
  const move = (at: number, who: Who, to: OrderStatus, extra: Partial<DemoOrderEvent> = {}): void => {
    const driverId = state.assignedAt !== null ? (driver?.id ?? null) : null;
    push(at, who, { kind: 'status', fromStatus: status, toStatus: to, driverId, ...extra });
    status = to;
    state.statusChangedAt = at;
    state.subMark = null;
  };

  const imported = rng.chance(0.4);
  push(times.createdAt, imported ? { actor: 'system', actorId: 'shop-api', actorName: 'Интернет-магазин (API)', source: 'import' } : desk, {
    kind: 'created', toStatus: 'new',
  });
  if (times.confirmedAt !== null) {
    const confirmer: Who = handling === 'carrier' ? { ...desk, actor: 'logistician', actorId: 'u-logistician-1', actorName: USER_NAMES.get('u-logistician-1') ?? null } : desk;
    move(times.confirmedAt, confirmer, 'confirmed');
  }

  for (const { step, at } of times.steps) {
    switch (step) {
      case 'assign':
        push(at, desk, { kind: 'assign', driverId: driver?.id ?? null });
        state.assignedAt = at;
        break;
      case 'picked':
        move(at, { ...warehouse, source: rng.chance(0.75) ? 'scan' : 'manual' }, 'at_warehouse');
        state.pickedAt = at;
        break;
      case 'departed':
        move(at, handling === 'carrier' ? desk : road(), 'in_transit', handling === 'carrier' ? { comment: 'Перевозчик забрал груз' } : {});
        break;
      case 'left_warehouse':
      case 'on_route':
      case 'arrived':
        push(at, road(), { kind: 'sub_mark', subMark: step, driverId: driver?.id ?? null });
        state.subMark = step;
        break;
      case 'delivered': {
        const who = handling === 'courier' ? courier : handling === 'carrier' ? desk : (byDriver ?? desk);
        move(at, who, 'delivered', { comment: handling === 'driver' ? rng.pick(DELIVERY_PROOF) : null });
        state.deliveredAt = at;
        break;
      }
      case 'closed':
        move(at, { actor: 'accounting', actorId: '1c', actorName: 'Бухгалтерия (1С)', source: 'system' }, 'closed', { comment: 'Оплата подтверждена' });
        break;
      case 'problem': {
        const from = plan.problemFrom ?? 'in_transit';
        const reason = rng.pick(PROBLEM_REASONS_FROM[from]);
        const who = from === 'in_transit' ? (handling === 'courier' ? courier : (byDriver ?? desk)) : from === 'at_warehouse' && rng.chance(0.6) ? warehouse : desk;
        move(at, who, 'problem', { reason, comment: PROBLEM_TEXT[reason] });
        state.problemReason = reason;
        state.problemComment = PROBLEM_TEXT[reason];
        break;
      }
      case 'cancelled':
        move(at, desk, 'cancelled', { comment: rng.pick(CANCEL_TEXT) });
        break;
    }
  }
  return { events, state };
}
