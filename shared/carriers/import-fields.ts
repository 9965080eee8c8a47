// The fields a carrier spreadsheet can fill, and the header names companies use for them
// (Russian and English). The mapping step starts from these guesses; the user corrects them.

export const CARRIER_IMPORT_FIELDS = [
  'name',
  'taxId',
  'phone',
  'email',
  'contactPerson',
  'baseCity',
  'currentCity',
  'notes',
  'rating',
  'vehicleType',
  'tonnage',
  'volumeM3',
  'refrigerated',
  'adrClasses',
  'oversize',
  'plate',
  'lanes',
] as const;
export type CarrierImportField = (typeof CARRIER_IMPORT_FIELDS)[number];

/** Lower-case header fragments per field; the first field whose fragment a header contains wins. */
const HEADER_HINTS: ReadonlyArray<readonly [CarrierImportField, readonly string[]]> = [
  ['taxId', ['бин', 'инн', 'иин', 'bin', 'inn', 'tax']],
  ['email', ['e-mail', 'email', 'почта']],
  ['contactPerson', ['контакт', 'contact', 'фио', 'менеджер']],
  ['phone', ['телефон', 'тел', 'phone', 'моб']],
  ['currentCity', ['текущ', 'сейчас', 'current', 'location', 'местонахожд']],
  ['baseCity', ['город', 'city', 'база', 'base']],
  ['lanes', ['направлен', 'маршрут', 'lane', 'route', 'direction']],
  ['vehicleType', ['тип', 'кузов', 'type', 'body']],
  ['tonnage', ['тоннаж', 'грузоподъем', 'тонн', 'tonnage', 'capacity', 'tons']],
  ['volumeM3', ['объем', 'объём', 'volume', 'м3', 'm3']],
  ['refrigerated', ['реф', 'холод', 'refrig', 'reefer']],
  ['adrClasses', ['adr', 'допог', 'опасные', 'опасный', 'hazard']],
  ['oversize', ['негабарит', 'oversize', 'крупногабарит']],
  ['plate', ['госномер', 'номер тс', 'гос', 'plate']],
  ['rating', ['рейтинг', 'rating', 'оценка']],
  ['notes', ['примечан', 'комментар', 'заметк', 'note', 'comment']],
  ['name', ['название', 'наименование', 'компания', 'перевозчик', 'name', 'company', 'carrier']],
];

/** Guesses which column holds which field; each field and each column is used at most once. */
export function suggestMapping(headers: readonly string[]): Partial<Record<CarrierImportField, number>> {
  const mapping: Partial<Record<CarrierImportField, number>> = {};
  const used = new Set<number>();
  for (const [field, hints] of HEADER_HINTS) {
    const index = headers.findIndex((h, i) => !used.has(i) && hints.some((hint) => h.trim().toLowerCase().includes(hint)));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}
