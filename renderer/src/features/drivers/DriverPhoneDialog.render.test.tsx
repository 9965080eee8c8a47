// @vitest-environment happy-dom
// A driver's phone dialog rendered over its store: the shift commands sent for the driver shown,
// a sign-in link with its QR, signing a lost phone out (in Russian plural forms), a refusal in
// the server's words, and a fresh dialog for the next driver.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import type { MarshrutApi } from '../../../../shared/api/contract';
import type { CommandResult } from '../../../../shared/api/define';
import { installApi } from '../../api/client';
import { makeTranslator } from '../../i18n/translate';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useClockStore } from '../clock/store';
import { useSettingsStore } from '../settings/store';
import { DriverPhoneDialog } from './DriverPhoneDialog';
import { closeDriverPhone, openDriverPhone } from './phone-store';
import { resetDriversStore, useDriversStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.parse('2026-03-03T09:20:00+05:00');
const driver = (id: string, shiftState: DriverListRow['shiftState']): DriverListRow => ({
  id, name: `Driver ${id}`, phone: '', vehicle: 'Gazelle', vehiclePlate: `${id}-KZ`, homeWarehouseId: null, shiftState, shiftChangedAt: null,
  lat: null, lon: null, headingDeg: null, speedKmh: null, battery: null, charging: null, fixAt: null, noSignal: false, load: 0, assignedToday: 0, version: 1,
});
const drivers = [driver('d1', 'on_shift'), driver('d2', 'off_shift')];

let calls: [string, unknown][];
let shiftAnswer: () => Promise<CommandResult>;
let revoked: number;
let dom: DomHost;

beforeEach(() => {
  calls = [];
  shiftAnswer = () => Promise.resolve({ ok: true, mid: 1 });
  revoked = 2;
  const fake = {
    setDriverShift: (a: unknown) => (calls.push(['setDriverShift', a]), shiftAnswer()),
    issueDriverLink: (a: { driverId: string }) => (
      calls.push(['issueDriverLink', a]), Promise.resolve({ url: `https://m.example.kz/d#${a.driverId}`, expiresAt: NOW + 900_000, qrSvg: '<svg data-qr="1"></svg>' })
    ),
    revokeDriverPhone: (a: unknown) => (calls.push(['revokeDriverPhone', a]), Promise.resolve({ revoked })),
    on: () => () => undefined,
  };
  installApi(fake as unknown as MarshrutApi);
  useClockStore.setState({ now: NOW, skewMs: 0 });
  resetDriversStore();
  useDriversStore.setState({ drivers, index: new Map(drivers.map((d, i) => [d.id, i])), loaded: true });
  closeDriverPhone();
  dom = mountHost();
});
afterEach(() => dom.unmount());

function show(id: string, lang: 'ru' | 'en' = 'en'): void {
  act(() => {
    useSettingsStore.setState({ language: lang });
    openDriverPhone(id);
  });
  act(() => dom.root.render(<DriverPhoneDialog driverId={id} />));
}

const button = (text: string) => Array.from(dom.host.querySelectorAll('button')).find((b) => b.textContent === text);

describe("a driver's phone dialog (rendered over its store)", () => {
  it('sends the shift command for the driver shown, only the ones that make sense enabled', async () => {
    show('d1');
    expect(button('Start day')?.disabled).toBe(true);
    await act(async () => button('Break')?.click());
    await act(async () => button('End day')?.click());
    expect(calls).toEqual([
      ['setDriverShift', { driverId: 'd1', shiftState: 'on_break' }],
      ['setDriverShift', { driverId: 'd1', shiftState: 'off_shift' }],
    ]);
    expect(dom.host.querySelector('[role="alert"]')).toBeNull();
  });

  it("a refused shift command shows the server's reason", async () => {
    shiftAnswer = () => Promise.resolve({ ok: false, code: 'forbidden', message: 'Warehouse staff cannot change shifts' } as CommandResult);
    show('d1');
    await act(async () => button('End day')?.click());
    expect(dom.host.querySelector('[role="alert"]')?.textContent).toBe('Warehouse staff cannot change shifts');
  });

  it('issues a sign-in link with its QR code and the time it works until, then signing out withdraws it', async () => {
    show('d2');
    await act(async () => button('Issue a sign-in link')?.click());
    expect(dom.host.querySelector<HTMLInputElement>('[data-testid="driver-link"]')?.value).toBe('https://m.example.kz/d#d2');
    expect(dom.host.querySelector('svg[data-qr="1"]')).not.toBeNull();
    expect(dom.host.querySelector('.phone-link .muted')?.textContent).toContain(`until ${makeTranslator('en').fmt.shortDateTime(NOW + 900_000, NOW)};`);
    await act(async () => button('Sign the phone out')?.click());
    expect(dom.host.querySelector('[data-testid="driver-link"]')).toBeNull();
    expect(dom.host.querySelector('[role="status"]')?.textContent).toBe('2 phones signed out');
    expect(calls.map(([m, a]) => [m, (a as { driverId: string }).driverId])).toEqual([
      ['issueDriverLink', 'd2'],
      ['revokeDriverPhone', 'd2'],
    ]);
  });

  it('says how many phones were signed out in Russian plural forms', async () => {
    show('d2', 'ru');
    await act(async () => button('Отключить телефон')?.click());
    expect(dom.host.querySelector('[role="status"]')?.textContent).toBe('2 телефона отключены');
    revoked = 5;
    await act(async () => button('Отключить телефон')?.click());
    expect(dom.host.querySelector('[role="status"]')?.textContent).toBe('5 телефонов отключены');
  });

  it("the next driver's dialog starts afresh: no link or note of the one before", async () => {
    show('d2');
    await act(async () => button('Issue a sign-in link')?.click());
    show('d1');
    expect(dom.host.querySelector('[data-testid="driver-link"]')).toBeNull();
  });
});
