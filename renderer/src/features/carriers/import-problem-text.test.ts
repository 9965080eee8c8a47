// Every rejection code has words in both languages, with every placeholder filled.
import { describe, expect, it } from 'vitest';
import type { ImportProblem, ImportProblemCode } from '../../../../shared/carriers/import-problems';
import { LANGUAGES } from '../../i18n/translate';
import { importProblemsText, importProblemText } from './import-problem-text';

// One sample per code, of that code: a new code without a sample here is a compile error too.
const SAMPLES: { [C in ImportProblemCode]: Extract<ImportProblem, { code: C }> } = {
  name_empty: { code: 'name_empty', field: 'name' },
  tax_id_format: { code: 'tax_id_format', field: 'taxId', value: '12-34' },
  tax_id_checksum: { code: 'tax_id_checksum', field: 'taxId', value: '123456789012' },
  phone_too_short: { code: 'phone_too_short', field: 'phone', value: '12-34' },
  phone_and_tax_id_missing: { code: 'phone_and_tax_id_missing' },
  not_a_number: { code: 'not_a_number', field: 'tonnage', value: '20т?' },
  not_yes_no: { code: 'not_yes_no', field: 'refrigerated', value: 'может' },
  number_too_big: { code: 'number_too_big', field: 'tonnage', value: '900', max: 200 },
  number_below_minimum: { code: 'number_below_minimum', field: 'volumeM3', value: '-1', min: 0 },
  number_not_above_minimum: { code: 'number_not_above_minimum', field: 'tonnage', value: '0', min: 0 },
  text_too_long: { code: 'text_too_long', field: 'name', length: 300, max: 256 },
  email_invalid: { code: 'email_invalid', field: 'email', value: 'info@' },
  adr_classes_invalid: { code: 'adr_classes_invalid', field: 'adrClasses', value: 'класс 3' },
  vehicle_type_unknown: { code: 'vehicle_type_unknown', field: 'vehicleType', value: 'дирижабль' },
  vehicle_type_missing: { code: 'vehicle_type_missing', field: 'vehicleType' },
  tonnage_missing: { code: 'tonnage_missing', field: 'tonnage' },
  lanes_format: { code: 'lanes_format', field: 'lanes', value: 'Алматы' },
  too_many_lanes: { code: 'too_many_lanes', field: 'lanes', count: 31, max: 30 },
  lane_city_invalid: { code: 'lane_city_invalid', field: 'lanes', length: 200, max: 128 },
  field_invalid: { code: 'field_invalid', field: 'plate', value: '???' },
  batch_refused: { code: 'batch_refused', reason: 'bad_args' },
};

describe('import problem texts', () => {
  it('words every code in both languages with no placeholder left', () => {
    for (const lang of LANGUAGES) {
      for (const problem of Object.values(SAMPLES)) {
        const text = importProblemText(problem, lang);
        expect(text, `${lang} ${problem.code}`).not.toMatch(/[{}]/);
        if ('value' in problem) expect(text).toContain(problem.value);
      }
    }
    // No English left in the Russian texts.
    for (const problem of Object.values(SAMPLES)) {
      expect(importProblemText(problem, 'ru'), problem.code).not.toMatch(/\b(is|must|not|has)\b/);
    }
  });

  it('names the field in the same language', () => {
    const p: ImportProblem = { code: 'not_a_number', field: 'tonnage', value: '20т?' };
    expect(importProblemText(p, 'ru')).toBe('Тоннаж «20т?»: не число');
    expect(importProblemText(p, 'en')).toBe('Tonnage “20т?” is not a number');
    const limit: ImportProblem = { code: 'number_too_big', field: 'tonnage', value: '900', max: 200 };
    expect(importProblemText(limit, 'ru')).toBe('Тоннаж «900»: больше 200');
    expect(importProblemText(limit, 'en')).toBe('Tonnage “900” is above 200');
  });

  it('joins a row\'s problems in order', () => {
    const problems: ImportProblem[] = [{ code: 'name_empty', field: 'name' }, SAMPLES.phone_too_short];
    expect(importProblemsText(problems, 'ru')).toBe('Не указано название; Телефон «12-34»: слишком короткий номер');
    expect(importProblemsText(problems, 'en')).toBe('Name is empty; Phone “12-34” is too short');
  });
});
