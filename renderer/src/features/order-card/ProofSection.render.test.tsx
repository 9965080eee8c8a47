// @vitest-environment happy-dom
// The card's proof-of-delivery section rendered for real: what the rule requires, each proof with
// who and when, the images fetched through the API, the delivery code, and issuing one.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../../api/client';
import { makeTranslator } from '../../i18n/translate';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { useClockStore } from '../clock/store';
import { useSettingsStore } from '../settings/store';
import { refreshProofs, resetProofsStore } from './proof-store';
import { ProofSection } from './ProofSection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 1, 10, 9, 0, 0);
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
let fake: FakeApi;
let dom: DomHost;

beforeEach(() => {
  fake = createFakeApi(makeFakeWorld({ orders: 20, drivers: 3, now: NOW }), () => NOW);
  installApi(fake.api);
  resetProofsStore();
  useClockStore.setState({ now: NOW, skewMs: 0 });
  dom = mountHost();
});

afterEach(() => dom.unmount());

async function render(orderId: string, status: Parameters<typeof ProofSection>[0]['status'], lang: 'ru' | 'en' = 'en'): Promise<HTMLElement | null> {
  useSettingsStore.setState({ language: lang });
  await act(async () => {
    dom.root.render(<ProofSection orderId={orderId} status={status} />);
  });
  // The images load in their own effect, one more turn.
  await act(async () => {});
  return dom.host.querySelector<HTMLElement>('[data-testid="proof-section"]');
}

describe('proof of delivery on the order card (rendered)', () => {
  it('shows what the rule required, each proof with kind, time and driver, the images and the code', async () => {
    fake.world.files = { 'f-photo': PHOTO, 'f-sig': SIGNATURE };
    fake.world.proofs['o-1'] = {
      required: ['photo', 'signature'],
      proofs: [
        { kind: 'photo', fileId: 'f-photo', at: NOW - 600_000, actorName: 'Ерлан Ахметов' },
        { kind: 'signature', fileId: 'f-sig', at: NOW - 540_000, actorName: 'Ерлан Ахметов' },
        { kind: 'code', fileId: null, at: NOW - 500_000, actorName: 'Ерлан Ахметов' },
      ],
      code: '7310',
    };
    const section = await render('o-1', 'delivered');
    expect(section).not.toBeNull();
    const text = section?.textContent ?? '';
    expect(text).toContain('Required: Photo, Signature');
    const t = makeTranslator('en');
    expect(text).toContain(`Photo · ${t.fmt.shortDateTime(NOW - 600_000, NOW)} · Ерлан Ахметов`);
    expect(text).toContain(`Customer's code · ${t.fmt.shortDateTime(NOW - 500_000, NOW)} · Ерлан Ахметов`);
    expect(text).toContain('Code entered');
    expect(text).toContain('Delivery code for the customer: 7310');
    const imgs = Array.from(section?.querySelectorAll('img') ?? []);
    expect(imgs.map((i) => [i.getAttribute('alt'), i.getAttribute('src')])).toEqual([
      ['Photo', PHOTO],
      ['Signature', SIGNATURE],
    ]);
    // A delivered order gets no new code.
    expect(section?.querySelector('button')).toBeNull();
    expect(fake.calls.filter(([m]) => m === 'proofFile').map(([, a]) => a)).toEqual([{ fileId: 'f-photo' }, { fileId: 'f-sig' }]);
  });

  it('says it in Russian too, with no raw kind codes', async () => {
    fake.world.files = { 'f-photo': PHOTO };
    fake.world.proofs['o-1'] = { required: ['photo', 'code'], proofs: [{ kind: 'photo', fileId: 'f-photo', at: NOW - 60_000, actorName: 'Ерлан' }], code: null };
    const text = (await render('o-1', 'delivered', 'ru'))?.textContent ?? '';
    expect(text).toContain('Подтверждение доставки');
    expect(text).toContain('Требуется: Фото, Код клиента');
    expect(text).not.toMatch(/\b(photo|signature|code)\b/);
  });

  it('an open order without proof offers to issue a code, and shows it once issued', async () => {
    const section = await render('o-2', 'in_transit');
    expect(section?.textContent).toContain('No proof yet');
    const button = Array.from(section?.querySelectorAll('button') ?? []).find((b) => b.textContent === 'Issue a delivery code');
    expect(button).toBeDefined();
    await act(async () => {
      button?.click();
    });
    await act(async () => {});
    expect(fake.calls.some(([m, a]) => m === 'issueDeliveryCode' && JSON.stringify(a) === '{"orderId":"o-2"}')).toBe(true);
    expect(dom.host.textContent).toContain('Delivery code for the customer: 4821');
    expect(dom.host.querySelector('[data-testid="proof-section"] button')).toBeNull();
  });

  it('an image the server will not give shows the reason instead of a broken picture', async () => {
    fake.world.proofs['o-3'] = { required: [], proofs: [{ kind: 'photo', fileId: 'f-gone', at: NOW - 60_000, actorName: null }], code: null };
    const section = await render('o-3', 'delivered');
    expect(section?.querySelector('img')).toBeNull();
    expect(section?.querySelector('.error-text')?.textContent).toContain('f-gone');
  });

  it('a finished order with no proof, rule or code shows no section at all', async () => {
    expect(await render('o-4', 'closed')).toBeNull();
    expect(await render('o-4', 'cancelled')).toBeNull();
  });

  it("follows the refresh plan's word: a proof the phone sent since shows, with its image", async () => {
    fake.world.files = { 'f-photo': PHOTO };
    await render('o-5', 'in_transit');
    expect(dom.host.textContent).toContain('No proof yet');
    fake.world.proofs['o-5'] = { required: [], proofs: [{ kind: 'photo', fileId: 'f-photo', at: NOW - 60_000, actorName: 'Ерлан' }], code: null };
    await act(async () => refreshProofs());
    await act(async () => {});
    expect(dom.host.querySelector('[data-testid="proof-section"] img')?.getAttribute('src')).toBe(PHOTO);
  });

  it("another order's card never shows the first order's code, even while its own proofs are on the way", async () => {
    fake.world.proofs['o-6'] = { required: [], proofs: [], code: '1111' };
    expect((await render('o-6', 'in_transit'))?.textContent).toContain('Delivery code for the customer: 1111');
    const read = fake.api.orderProofs;
    fake.api.orderProofs = (a) => (a.orderId === 'o-7' ? new Promise(() => undefined) : read(a));
    expect(await render('o-7', 'in_transit')).toBeNull();
    expect(dom.host.textContent).not.toContain('1111');
  });

  it('a refused code says why under the button', async () => {
    const section = await render('o-missing', 'in_transit');
    fake.api.issueDeliveryCode = () => Promise.resolve({ ok: false, code: 'forbidden', message: 'Only the desk issues codes' });
    await act(async () => section?.querySelector('button')?.click());
    expect(dom.host.querySelector('[data-testid="proof-section"] [role="alert"]')?.textContent).toBe('Only the desk issues codes');
  });
});
