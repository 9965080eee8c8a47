// @vitest-environment happy-dom
// The admin's daily summary form rendered for real over its store: what it shows, the edits
// that reach setDailySummary, a refusal marking its field, and re-reading only while it shows.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarshrutApi } from '../../../../shared/api/contract';
import type { CommandResult } from '../../../../shared/api/define';
import type { DailySummaryView } from '../../../../shared/api/reports-api';
import { installApi } from '../../api/client';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { DailySummarySettings } from './DailySummarySettings';
import { refreshDailySummary, resetNotifySettingsStore } from './notify-store';
import { useSettingsStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const VIEW: DailySummaryView = {
  enabled: false,
  sendTime: '08:30',
  recipientIds: ['u-1'],
  candidates: [
    { id: 'u-1', name: 'Айгерим Сатпаева', role: 'supervisor', email: 'a@company.kz', language: 'ru' },
    { id: 'u-2', name: 'Данияр Омаров', role: 'admin', email: null, language: 'ru' },
  ],
  canEdit: true,
};
let view: DailySummaryView;
let answer: () => Promise<CommandResult>;
let calls: [string, unknown][];
let dom: DomHost;

beforeEach(() => {
  view = structuredClone(VIEW);
  calls = [];
  answer = () => Promise.resolve({ ok: true, mid: 1 });
  const fake = {
    dailySummarySettings: () => (calls.push(['dailySummarySettings', null]), Promise.resolve(structuredClone(view))),
    setDailySummary: (a: unknown) => (calls.push(['setDailySummary', a]), answer()),
    on: () => () => undefined,
  };
  installApi(fake as unknown as MarshrutApi);
  resetNotifySettingsStore();
  dom = mountHost();
});
afterEach(() => dom.unmount());

async function render(lang: 'ru' | 'en' = 'en'): Promise<HTMLFormElement | null> {
  act(() => useSettingsStore.setState({ language: lang }));
  await act(async () => dom.root.render(<DailySummarySettings />));
  return dom.host.querySelector('form');
}

const boxes = () => Array.from(dom.host.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));

describe('daily summary settings (rendered over its store)', () => {
  it('shows the row as loaded: on/off, the chosen people, who has no e-mail', async () => {
    const form = await render('ru');
    expect(form?.getAttribute('aria-label')).toBe('Ежедневная сводка по e-mail');
    expect(boxes().map((b) => b.checked)).toEqual([false, true, false]);
    expect(form?.textContent).toContain('Данияр Омаров');
    expect(form?.textContent).toContain('руководитель');
  });

  it('sends what was edited: switched on, one more recipient', async () => {
    await render();
    await act(async () => boxes()[0]?.click());
    await act(async () => boxes()[2]?.click());
    await act(async () => dom.host.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    expect(calls.filter(([m]) => m === 'setDailySummary').map(([, a]) => a)).toEqual([{ enabled: true, sendTime: '08:30', recipientIds: ['u-1', 'u-2'] }]);
    expect(dom.host.querySelector('[role="status"]')?.textContent).toBe('Settings saved.');
  });

  it('a refusal naming a chosen person words it from the dictionary (never the server\'s sentence) and marks the list and the person, in English and Russian', async () => {
    // The mutator's refusal as main passes it on: the API's class, the mutator's code and field in details.
    answer = () =>
      Promise.resolve({ ok: false, code: 'invalid_request', message: 'recipientIds.1: Данияр Омаров is no longer active', details: { code: 'bad_args', field: 'recipientIds.1' } } as CommandResult);
    view.recipientIds = ['u-1', 'u-2'];
    for (const [lang, words] of [
      ['en', '“Who gets it”: a chosen person can no longer get the summary (no longer active, or not a supervisor or administrator). Untick them and save again.'],
      ['ru', '«Кому»: один из выбранных больше не может получать сводку (не активен или не руководитель и не администратор). Снимите отметку и сохраните снова.'],
    ] as const) {
      resetNotifySettingsStore();
      await render(lang);
      await act(async () => dom.host.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
      expect(dom.host.querySelector('[role="alert"]')?.textContent).toBe(words);
      expect(dom.host.querySelector('fieldset')?.getAttribute('aria-invalid')).toBe('true');
      // Only Данияр (recipientIds.1) is marked; the time is not.
      expect(boxes().map((b) => b.getAttribute('aria-invalid'))).toEqual([null, null, 'true']);
      expect(dom.host.querySelector('input[aria-label]')?.getAttribute('aria-invalid')).toBeNull();
      act(() => dom.root.render(<></>));
    }
  });

  it('a refusal of the send time or of an empty list names that field and marks it; the rest in plain words', async () => {
    let refusal: { code: string; details?: Record<string, unknown> } = { code: 'invalid_request', details: { field: 'sendTime' } };
    answer = () => Promise.resolve({ ok: false, message: 'SERVER-SENTENCE', ...refusal } as CommandResult);
    const save = async (lang: 'en' | 'ru') => {
      act(() => dom.root.render(<></>));
      resetNotifySettingsStore();
      await render(lang);
      await act(async () => dom.host.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
      return dom.host.querySelector('[role="alert"]')?.textContent;
    };
    expect(await save('ru')).toBe('«Время отправки»: время от 00:00 до 23:59.');
    expect(dom.host.querySelector('input[aria-label="Время отправки (время компании)"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(dom.host.querySelector('fieldset')?.getAttribute('aria-invalid')).toBeNull();
    expect(await save('en')).toBe('“Send at”: a time from 00:00 to 23:59.');

    refusal = { code: 'invalid_request', details: { code: 'bad_args', field: 'recipientIds' } };
    expect(await save('en')).toBe('“Who gets it”: choose at least one person, or turn the summary off.');
    expect(dom.host.querySelector('fieldset')?.getAttribute('aria-invalid')).toBe('true');
    expect(boxes().some((b) => b.getAttribute('aria-invalid') === 'true')).toBe(false);
    expect(await save('ru')).toBe('«Кому»: выберите хотя бы одного человека или выключите сводку.');

    refusal = { code: 'forbidden' };
    expect(await save('ru')).toBe('Сводку меняет только администратор.');
    refusal = { code: 'invalid_request', details: { field: '__proto__' } };
    expect(await save('en')).toBe('Not saved: the server refused the change. Try again; if it repeats, tell your admin.');
    expect(dom.host.textContent).not.toContain('SERVER-SENTENCE');
  });

  it('is not shown to anyone but an admin', async () => {
    view.canEdit = false;
    expect(await render()).toBeNull();
  });

  it("re-reads the row on the refresh plan's word while it shows, and not after", async () => {
    await render();
    view.enabled = true;
    await act(async () => refreshDailySummary());
    expect(boxes()[0]?.checked).toBe(true);
    act(() => dom.root.render(<></>));
    const before = calls.length;
    await act(async () => refreshDailySummary());
    expect(calls.length).toBe(before);
  });
});
