// Export of the current search to XLSX: the ranked results (up to 10,000), one carrier per
// row, with the ranking reason, contacts, last rate and matching vehicles. The carrier columns
// use the headers the import recognises, so an exported file imports back (as duplicates, or
// as updates).
import type { CarrierFilters, CarrierSearchResult, ExportFile } from '../../../shared/api/carriers-api';
import { reasonText, type ReasonLanguage } from '../../../shared/carriers/reason-text';
import { vehicleTypeName } from '../../../shared/carriers/vehicle-type-names';
import { formatterFor } from '../../../shared/locale';
import { runSearch, type SearchContext } from '../search-carriers';
import { fileDay, writeXlsx, XLSX_MIME } from '../../export/xlsx-workbook';

export const EXPORT_MAX_ROWS = 10_000;

const HEADERS: Record<ReasonLanguage, string[]> = {
  ru: ['№', 'Название', 'БИН/ИНН', 'Телефон', 'Контактное лицо', 'E-mail', 'Город', 'Текущий город', 'Свободен с', 'Рейтинг', 'Надёжность, %', 'Проверка безопасности', 'Чёрный список', 'Почему в списке', 'Последняя ставка', 'Дата ставки', 'Тип кузова', 'Тоннаж, т', 'Объём, м³', 'Машины'],
  en: ['#', 'Name', 'BIN/INN', 'Phone', 'Contact person', 'E-mail', 'City', 'Current city', 'Available from', 'Rating', 'Reliability, %', 'Security check', 'Blacklisted', 'Why listed', 'Last rate', 'Rate date', 'Vehicle type', 'Tonnage, t', 'Volume, m³', 'Vehicles'],
};
const CHECK: Record<ReasonLanguage, Record<string, string>> = {
  ru: { pending: 'ожидает', passed: 'пройдена', failed: 'не пройдена' },
  en: { pending: 'pending', passed: 'passed', failed: 'failed' },
};
const YES_NO: Record<ReasonLanguage, [string, string]> = { ru: ['да', 'нет'], en: ['yes', 'no'] };

function row(r: CarrierSearchResult, index: number, lang: ReasonLanguage): (string | number | null)[] {
  const first = r.vehicles[0];
  const f = formatterFor(lang);
  return [
    index + 1,
    r.name,
    r.taxId,
    r.phone,
    r.contactPerson,
    r.email ?? '',
    r.baseCity,
    r.currentCity ?? '',
    r.availableFrom === null ? '' : f.date(r.availableFrom),
    r.rating,
    r.reliability === null ? null : Math.round(r.reliability * 100),
    CHECK[lang][r.securityCheck] ?? r.securityCheck,
    r.blacklisted ? YES_NO[lang][0] : YES_NO[lang][1],
    reasonText(r.reason, lang, r.lastRate?.currency),
    r.lastRate?.rate ?? null,
    r.lastRate ? f.date(r.lastRate.at) : '',
    first ? vehicleTypeName(first.type, lang) : '',
    first?.tonnage ?? null,
    first?.volumeM3 ?? null,
    r.vehicles.map((v) => `${vehicleTypeName(v.type, lang)} ${f.tonnes(v.tonnage)}${v.plate ? ` ${v.plate}` : ''}`).join('; '),
  ];
}

export async function exportCarriers(ctx: SearchContext, filters: CarrierFilters, lang: ReasonLanguage, now: number): Promise<ExportFile> {
  const { results } = runSearch(ctx, filters, 0, EXPORT_MAX_ROWS);
  const data = await writeXlsx(
    [
      {
        name: lang === 'ru' ? 'Перевозчики' : 'Carriers',
        header: HEADERS[lang],
        rows: results.map((r, i) => row(r, i, lang)),
        widths: [5, 32, 15, 18, 22, 22, 14, 14, 12, 8, 12, 14, 10, 48, 14, 12, 12, 8, 10, 40],
        // Tax ids and phones are text: Excel must not turn 990340001234 into 9.9E+11.
        textColumns: [3, 4],
      },
    ],
    now,
  );
  const day = fileDay(now, formatterFor(lang).offsetMinutes);
  return { fileName: `carriers-${day}.xlsx`, mimeType: XLSX_MIME, dataBase64: data.toString('base64'), rows: results.length };
}
