// Renders the page from the app's state: the header (shift, network, queue), the sign-in
// screen, today's tasks with their one-tap marks, and what the server refused.
import type { DriverTask, DriverErrorBody } from '../../shared/driver-phone/phone-contract';
import type { ProofKind } from '../../shared/delivery/proof-vocabulary';
import { displayPhone } from '../../shared/domain/phone-display';
import type { DriverApp } from './app';
import { h } from './dom';
import { mapLink, telLink } from './links';
import { openDeliverySheet, openProblemSheet } from './sheets';
import type { Words } from './words';

export function render(root: HTMLElement, app: DriverApp): void {
  const s = app.state;
  root.replaceChildren(header(app), s.session === null ? signIn(app) : body(app));
}

function header(app: DriverApp): HTMLElement {
  const s = app.state;
  const w = s.w;
  return h(
    'header',
    { class: 'top' },
    h('div', { class: 'brand' }, h('strong', {}, s.session?.driver.name ?? w.t('title')), s.me ? h('span', { class: `chip shift-${s.me.driver.shiftState}`, 'data-testid': 'shift-state' }, w.shift(s.me.driver.shiftState)) : null),
    h(
      'div',
      { class: 'lang' },
      ...(['ru', 'en'] as const).map((l) => h('button', { type: 'button', class: l === w.lang ? 'on' : '', 'aria-pressed': String(l === w.lang), onclick: () => app.setLang(l) }, l.toUpperCase())),
    ),
  );
}

function signIn(app: DriverApp): HTMLElement {
  const s = app.state;
  const w = s.w;
  return h(
    'main',
    { class: 'signin' },
    h('h1', {}, w.t('signInTitle')),
    s.signingIn ? h('p', {}, w.t('signingIn')) : h('p', {}, w.t('signInHelp')),
    s.signInError ? h('p', { class: 'error', role: 'alert' }, errorText(w, s.signInError, null)) : null,
    // Signed out with marks still queued: they are not lost, the next sign-in sends them.
    s.pending.length > 0 ? h('p', { class: 'queued', 'data-testid': 'queued-for-sign-in' }, w.plural('queuedForSignIn', s.pending.length)) : null,
  );
}

function body(app: DriverApp): HTMLElement {
  const s = app.state;
  const w = s.w;
  const queued = s.pending.length;
  const shift = s.me?.driver.shiftState ?? 'off_shift';
  return h(
    'main',
    {},
    h(
      'section',
      { class: `net ${s.online ? 'online' : 'offline'}`, 'data-testid': 'network' },
      h('span', {}, s.online ? w.t('online') : w.t('offline')),
      queued > 0 ? h('span', { class: 'queued', 'data-testid': 'queued' }, w.plural('queue', queued)) : null,
    ),
    h(
      'section',
      { class: 'shift' },
      shift === 'off_shift' ? h('button', { type: 'button', class: 'btn primary', onclick: () => void app.setShift('on_shift') }, w.t('startDay')) : null,
      shift === 'on_shift' ? h('button', { type: 'button', class: 'btn', onclick: () => void app.setShift('on_break') }, w.t('takeBreak')) : null,
      shift === 'on_break' ? h('button', { type: 'button', class: 'btn primary', onclick: () => void app.setShift('on_shift') }, w.t('endBreak')) : null,
      shift !== 'off_shift' ? h('button', { type: 'button', class: 'btn', onclick: () => void app.setShift('off_shift') }, w.t('endDay')) : null,
      'geolocation' in navigator
        ? h('button', { type: 'button', class: `btn ${s.sharingLocation ? 'on' : ''}`, 'aria-pressed': String(s.sharingLocation), onclick: () => app.toggleLocation() }, s.sharingLocation ? w.t('locationOn') : w.t('location'))
        : null,
    ),
    s.failed.length > 0
      ? h(
          'section',
          { class: 'failed', role: 'alert' },
          h('h2', {}, w.t('failedTitle')),
          ...s.failed.map((f) =>
            h('div', { class: 'failed-item' }, h('span', {}, errorText(w, f.error, numberOf(app, f.orderId))), h('button', { type: 'button', class: 'btn small', onclick: () => void app.dismissFailed(f.seq) }, w.t('dismiss'))),
          ),
        )
      : null,
    h('h1', {}, w.t('today')),
    s.tasks.length === 0 ? h('p', { class: 'empty' }, w.t('noTasks')) : h('ol', { class: 'tasks' }, ...s.tasks.map((t) => taskCard(app, t))),
    h('button', { type: 'button', class: 'btn link', onclick: () => void app.sync() }, w.t('refresh')),
  );
}

function numberOf(app: DriverApp, orderId: string | null): string | null {
  return app.state.tasks.find((t) => t.orderId === orderId)?.number ?? null;
}

function taskCard(app: DriverApp, t: DriverTask): HTMLElement {
  const w = app.state.w;
  const beforePickup = t.status === 'confirmed' || t.status === 'at_warehouse';
  const address = beforePickup ? t.pickupAddress : `${t.deliveryAddress}, ${t.deliveryCity}`;
  const [lat, lon] = beforePickup ? [t.pickupLat, t.pickupLon] : [t.deliveryLat, t.deliveryLon];
  const tel = telLink(t.customerPhone);
  const pending = app.isPending(t.orderId);
  const open = t.status !== 'delivered' && t.status !== 'problem';
  const cargo = [t.cargoDescription, t.weightKg > 0 ? w.kg(t.weightKg) : '', w.plural('places', t.places)].filter((x) => x !== '').join(' · ');
  return h(
    'li',
    { class: `task status-${t.status}`, 'data-testid': `task-${t.number}` },
    h(
      'div',
      { class: 'task-head' },
      h('span', { class: 'number' }, t.number),
      h('span', { class: `chip status-${t.status}` }, w.status(t.status)),
      t.subMark === 'arrived' && t.status === 'in_transit' ? h('span', { class: 'chip arrived' }, w.t('arrivedChip')) : null,
      pending ? h('span', { class: 'chip pending', 'data-testid': 'pending' }, w.t('pending')) : null,
    ),
    h('div', { class: 'label' }, beforePickup ? w.t('pickup') : w.t('deliverTo')),
    h('div', { class: 'address' }, address),
    h('div', { class: 'customer' }, t.customerName),
    t.deliverBy !== null ? h('div', { class: 'window' }, w.t('deliverBy', { time: w.when(t.deliverBy, Date.now()) })) : null,
    h('div', { class: 'cargo' }, `${w.t('cargo')}: ${cargo}`),
    h(
      'div',
      { class: 'row' },
      tel !== null ? h('a', { class: 'btn', href: tel }, `${w.t('call')} ${displayPhone(t.customerPhone)}`) : null,
      h('a', { class: 'btn', href: mapLink(lat, lon, address, navigator.userAgent) }, w.t('navigate')),
    ),
    open ? h('div', { class: 'marks' }, ...markButtons(app, t)) : null,
  );
}

function markButtons(app: DriverApp, t: DriverTask): HTMLElement[] {
  const w = app.state.w;
  const out: HTMLElement[] = [];
  if (t.status === 'confirmed' || t.status === 'at_warehouse') {
    out.push(h('button', { type: 'button', class: 'btn primary', onclick: () => void app.mark(t, 'picked_up') }, w.t('mark.picked_up')));
  }
  if (t.status === 'in_transit') {
    if (t.subMark !== 'arrived') out.push(h('button', { type: 'button', class: 'btn', onclick: () => void app.mark(t, 'arrived') }, w.t('mark.arrived')));
    out.push(h('button', { type: 'button', class: 'btn primary', onclick: () => openDeliverySheet(app, t) }, w.t('mark.delivered')));
  }
  out.push(h('button', { type: 'button', class: 'btn danger', onclick: () => openProblemSheet(app, t) }, w.t('mark.problem')));
  return out;
}

export function proofList(w: Words, kinds: readonly ProofKind[]): string {
  return w.list(kinds.map((k) => w.proof(k)));
}

/** The server's refusal in the driver's language; the server's English only as a last resort. */
export function errorText(w: Words, e: DriverErrorBody, number: string | null): string {
  const missing = e.details?.['missing'];
  if (e.error === 'proof_required' && Array.isArray(missing)) return w.t('error.proof_required', { list: proofList(w, missing as ProofKind[]) });
  const known = `error.${e.error}`;
  const text = (w.t as (k: string) => string)(known);
  if (text !== known) return number === null ? text : `${number}: ${text}`;
  return number === null ? e.message : w.t('error.generic', { number, message: e.message });
}
