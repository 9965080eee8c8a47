// Vehicle body types as people name them, for exports and texts built outside the renderer.
// Each name is one the importer reads back (shared/carriers/import-row.ts VEHICLE_WORDS).
import type { Locale } from '../locale';
import type { VehicleType } from '../domain/vocabulary';

export const VEHICLE_TYPE_NAMES: Readonly<Record<Locale, Readonly<Record<VehicleType, string>>>> = {
  en: { tent: 'Tent', refrigerator: 'Refrigerator', flatbed: 'Flatbed', container: 'Container', tanker: 'Tanker', van: 'Van', car: 'Car' },
  ru: { tent: 'Тент', refrigerator: 'Рефрижератор', flatbed: 'Борт / площадка', container: 'Контейнеровоз', tanker: 'Цистерна', van: 'Фургон', car: 'Легковой' },
  kk: { tent: 'Тент', refrigerator: 'Рефрижератор', flatbed: 'Борт / площадка', container: 'Контейнеровоз', tanker: 'Цистерна', van: 'Фургон', car: 'Легковой' },
};

export function vehicleTypeName(type: string, locale: Locale): string {
  const names = VEHICLE_TYPE_NAMES[locale] as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(names, type) ? names[type]! : type;
}
