// The columns an order spreadsheet can fill, and the header names shops use for them (Russian
// and English). The mapping step starts from these guesses; the user corrects them. Field names
// are the new-order form's (shared/domain/new-order-check.ts) where they mean the same thing, so
// a problem the shared check finds names the column to fix.
import type { NewOrderField } from '../domain/new-order-check';

export const ORDER_IMPORT_FIELDS = [
  'externalId',
  'customerName',
  'customerPhone',
  'customerEmail',
  'deliveryAddress',
  'deliveryCity',
  'deliveryLat',
  'deliveryLon',
  'warehouseId',
  'serviceType',
  'windowStart',
  'windowEnd',
  'cargoDescription',
  'weightKg',
  'volumeM3',
  'places',
  'fragile',
  'refrigerated',
  'hazardClass',
] as const satisfies ReadonlyArray<NewOrderField | 'externalId' | 'fragile' | 'refrigerated'>;
export type OrderImportField = (typeof ORDER_IMPORT_FIELDS)[number];

/** Spreadsheet column index (0-based) per field; a field left out is not read. */
export type OrderImportMapping = Partial<Record<OrderImportField, number | null>>;

/**
 * Lower-case header fragments per field, most specific first: the first field whose fragment a
 * header contains wins ("Телефон получателя" is a phone before it is a customer).
 */
const HEADER_HINTS: ReadonlyArray<readonly [OrderImportField, readonly string[]]> = [
  ['customerEmail', ['e-mail', 'email', 'почта']],
  ['customerPhone', ['телефон', 'тел', 'phone', 'моб']],
  ['externalId', ['номер заказа', '№ заказа', 'номер', '№', 'order number', 'order no', 'order id', 'external', 'externalid', 'id']],
  ['deliveryLat', ['широта', 'latitude', 'lat']],
  ['deliveryLon', ['долгота', 'longitude', 'lon', 'lng']],
  ['deliveryCity', ['город', 'населенный пункт', 'населённый пункт', 'city', 'town']],
  ['deliveryAddress', ['адрес', 'address', 'улица', 'street']],
  ['warehouseId', ['склад', 'warehouse']],
  ['serviceType', ['услуга', 'тип доставки', 'сервис', 'service', 'delivery type']],
  ['windowStart', ['окно с', 'начало окна', 'доставить с', 'с (время)', 'window start', 'from', 'start']],
  ['windowEnd', ['окно до', 'конец окна', 'доставить до', 'до (время)', 'window end', 'until', 'to', 'end']],
  ['weightKg', ['вес', 'weight', 'кг', 'kg']],
  ['volumeM3', ['объем', 'объём', 'volume', 'м3', 'm3']],
  ['places', ['мест', 'places', 'pieces', 'колич', 'qty']],
  ['fragile', ['хрупк', 'fragile']],
  ['refrigerated', ['холод', 'реф', 'refrig', 'cold']],
  ['hazardClass', ['adr', 'допог', 'опасн', 'hazard']],
  ['cargoDescription', ['груз', 'товар', 'описание', 'содержимое', 'cargo', 'goods', 'description', 'item']],
  ['customerName', ['получатель', 'клиент', 'покупатель', 'фио', 'имя', 'customer', 'recipient', 'name']],
];

/** Guesses which column holds which field; each field and each column is used at most once. */
export function suggestOrderMapping(headers: readonly string[]): OrderImportMapping {
  const mapping: OrderImportMapping = {};
  const used = new Set<number>();
  const norm = headers.map((h) => h.trim().toLowerCase().replace(/ё/g, 'е'));
  for (const [field, hints] of HEADER_HINTS) {
    // A short hint ("id", "to", "lat") must be the whole header or one of its words, else "Width"
    // would be an id and "Total" a window's end.
    const fits = (h: string, hint: string) => (hint.length <= 3 ? h === hint || h.split(/[^\p{L}\p{N}№]+/u).includes(hint) : h.includes(hint.replace(/ё/g, 'е')));
    const index = norm.findIndex((h, i) => !used.has(i) && hints.some((hint) => fits(h, hint)));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}
