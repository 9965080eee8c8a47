// The import's rejection reasons in words, Russian and English. Main sends codes with the
// offending cell (shared/carriers/import-problems.ts); a Record per language makes a code
// without a text in either one a compile error. `{field}` is the field's label in the same
// language; the other placeholders are the problem's own parameters.
import type { ImportProblem, ImportProblemCode } from '../../../../shared/carriers/import-problems';
import { interpolate, translate, type Language } from '../../i18n/translate';

const EN: Readonly<Record<ImportProblemCode, string>> = {
  name_empty: 'Name is empty',
  tax_id_format: '{field} “{value}” must be 10 or 12 digits',
  tax_id_checksum: '{field} “{value}” has a wrong check digit',
  phone_too_short: '{field} “{value}” is too short',
  phone_and_tax_id_missing: 'Neither a phone nor a BIN / INN: the carrier could not be told apart or called',
  not_a_number: '{field} “{value}” is not a number',
  not_yes_no: '{field} “{value}” is not yes or no',
  number_too_big: '{field} “{value}” is above {max}',
  number_below_minimum: '{field} “{value}” is below {min}',
  number_not_above_minimum: '{field} “{value}” must be above {min}',
  text_too_long: '{field} is {length} characters long; at most {max} fit',
  email_invalid: '{field} “{value}” is not an e-mail address',
  adr_classes_invalid: '{field} “{value}” must be classes like “2,3,8”',
  vehicle_type_unknown: '{field} “{value}” is unknown',
  vehicle_type_missing: 'Tonnage given without a vehicle type',
  tonnage_missing: 'Vehicle type given without tonnage',
  lanes_format: '{field} “{value}” must look like “Алматы - Астана; Алматы - Шымкент”',
  too_many_lanes: '{field}: {count} directions; at most {max} per row',
  lane_city_invalid: '{field}: a city name of {length} characters; a city takes 1 to {max}',
  field_invalid: '{field} “{value}” is not a valid value',
  batch_refused: 'Not imported: the whole batch of rows was refused ({reason})',
};

const RU: Readonly<Record<ImportProblemCode, string>> = {
  name_empty: 'Не указано название',
  tax_id_format: '{field} «{value}»: нужно 10 или 12 цифр',
  tax_id_checksum: '{field} «{value}»: неверная контрольная цифра',
  phone_too_short: '{field} «{value}»: слишком короткий номер',
  phone_and_tax_id_missing: 'Нет ни телефона, ни БИН / ИНН: перевозчика не отличить от других и ему не позвонить',
  not_a_number: '{field} «{value}»: не число',
  not_yes_no: '{field} «{value}»: нужно «да» или «нет»',
  number_too_big: '{field} «{value}»: больше {max}',
  number_below_minimum: '{field} «{value}»: меньше {min}',
  number_not_above_minimum: '{field} «{value}»: должно быть больше {min}',
  text_too_long: '{field}: {length} символов, допускается не больше {max}',
  email_invalid: '{field} «{value}»: это не адрес электронной почты',
  adr_classes_invalid: '{field} «{value}»: нужны классы через запятую, например «2,3,8»',
  vehicle_type_unknown: '{field} «{value}»: неизвестный тип кузова',
  vehicle_type_missing: 'Указан тоннаж, но не указан тип кузова',
  tonnage_missing: 'Указан тип кузова, но не указан тоннаж',
  lanes_format: '{field} «{value}»: пишите так: «Алматы - Астана; Алматы - Шымкент»',
  too_many_lanes: '{field}: {count} направлений, в одной строке не больше {max}',
  lane_city_invalid: '{field}: название города из {length} символов, допускается от 1 до {max}',
  field_invalid: '{field} «{value}»: недопустимое значение',
  batch_refused: 'Не импортирована: вся партия строк отклонена ({reason})',
};

const TEXTS: Readonly<Record<Language, Readonly<Record<ImportProblemCode, string>>>> = { en: EN, ru: RU };

export function importProblemText(problem: ImportProblem, lang: Language): string {
  const { code, ...rest } = problem;
  const params: Record<string, string | number> = { ...rest };
  if ('field' in problem) params.field = translate(lang, `carriers.field_${problem.field}`);
  return interpolate(lang, TEXTS[lang][code], params);
}

/** All of a row's problems, in the order the parser found them. */
export function importProblemsText(problems: readonly ImportProblem[], lang: Language): string {
  return problems.map((p) => importProblemText(p, lang)).join('; ');
}
