// @vitest-environment happy-dom
// The import wizard's check and report steps rendered for real: a rejected row's reason is in
// the language the user chose, and switching the language rewords it (main sent codes, not text).
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, ImportRowView } from '../../../../shared/api/carriers-api';
import { useSettingsStore } from '../settings/store';
import { ImportWizard } from './ImportWizard';
import { resetCarriersStore, useCarriersStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const base = { taxId: '', phone: '+7 701 000 00 03', city: '', duplicateOf: null } as const;
const BAD_TONNAGE: ImportRowView = {
  ...base,
  rowNumber: 6,
  status: 'rejected',
  name: 'Кривые числа',
  problems: [{ code: 'not_a_number', field: 'tonnage', value: '20т?' }],
};
const NO_NAME: ImportRowView = { ...base, rowNumber: 3, status: 'rejected', name: '', problems: [{ code: 'name_empty', field: 'name' }] };
const REFUSED: ImportRowView = { ...base, rowNumber: 4, status: 'rejected', name: 'ТОО Длинный', problems: [{ code: 'batch_refused', reason: 'bad_args' }] };
const FILE = { importId: 'imp-1', fileName: 'base.xlsx', sheetName: 'База', headers: ['Наименование'], sampleRows: [], rowCount: 3, suggestedMapping: { name: 0 } };

let root: Root;
let host: HTMLElement;
let dom: DomHost;

function rowText(rowNumber: number): string {
  const row = Array.from(host.querySelectorAll('tbody tr')).find((tr) => tr.querySelector('td')?.textContent === String(rowNumber));
  return row?.textContent ?? '';
}

function setLanguage(language: 'ru' | 'en'): void {
  act(() => useSettingsStore.setState({ language }));
}

beforeEach(() => {
  resetCarriersStore();
  dom = mountHost();
  ({ host, root } = dom);
});
afterEach(() => {
  dom.unmount();
});

describe('import wizard (rendered)', () => {
  it('shows a rejected row\'s reason in Russian and in English on the check step', () => {
    useCarriersStore.setState((s) => ({
      wizard: { ...s.wizard, step: 'preview', file: FILE, mapping: { name: 0 }, preview: { importId: 'imp-1', counts: { new: 0, duplicate: 0, rejected: 2 }, rows: [NO_NAME, BAD_TONNAGE] } },
    }));
    setLanguage('ru');
    act(() => root.render(<ImportWizard />));
    expect(rowText(6)).toContain('Тоннаж «20т?»: не число');
    expect(rowText(3)).toContain('Не указано название');
    expect(host.textContent).toContain('отклонена');

    setLanguage('en');
    expect(rowText(6)).toContain('Tonnage “20т?” is not a number');
    expect(rowText(3)).toContain('Name is empty');
    expect(host.textContent).not.toContain('не число');
  });

  it('writes the report in the user\'s language', () => {
    const report: ImportReport = { created: 5, updated: 0, skippedDuplicates: [], rejected: [BAD_TONNAGE, REFUSED], mids: [1] };
    useCarriersStore.setState((s) => ({ wizard: { ...s.wizard, step: 'report', file: FILE, report } }));
    setLanguage('ru');
    act(() => root.render(<ImportWizard />));
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Создано 5, обновлено 0, пропущено дублей 0, отклонено 2.');
    expect(rowText(6)).toContain('Тоннаж «20т?»: не число');
    expect(rowText(4)).toContain('Не импортирована: вся партия строк отклонена (bad_args)');

    setLanguage('en');
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Created 5, updated 0, skipped 0 duplicates, rejected 2.');
    expect(rowText(6)).toContain('Tonnage “20т?” is not a number');
    expect(rowText(4)).toContain('Not imported: the whole batch of rows was refused (bad_args)');
  });
});
