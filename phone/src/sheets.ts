// The two sheets that need more than one tap: "delivered" with its proofs (photo from the
// camera, the recipient's signature drawn with signature_pad, the customer's code), and
// "problem" with a reason from the console's list. The sheet checks the admin's proof rule
// before queueing, so the driver hears "add a signature" at the door, not later.
import SignaturePad from 'signature_pad';
import { PROBLEM_REASONS, type ProblemReason } from '../../shared/domain/vocabulary';
import type { DriverTask } from '../../shared/driver-phone/phone-contract';
import type { ProofKind } from '../../shared/delivery/proof-vocabulary';
import type { DriverApp } from './app';
import { h } from './dom';
import { shrinkPhoto } from './photo';
import { proofList } from './view';

function sheetRoot(): HTMLElement {
  const root = document.getElementById('sheet');
  if (root === null) throw new Error('no #sheet');
  return root;
}

function close(): void {
  sheetRoot().replaceChildren();
}

export function openDeliverySheet(app: DriverApp, task: DriverTask): void {
  const w = app.state.w;
  const needed = task.proofsRequired.filter((k) => !task.proofsGiven.includes(k));
  let photo: Blob | undefined;
  const canvas = h('canvas', { class: 'signature', 'data-testid': 'signature' });
  const photoInput = h('input', { type: 'file', accept: 'image/*', capture: 'environment', class: 'hidden', 'data-testid': 'photo-input' });
  const photoButton = h('button', { type: 'button', class: 'btn' }, w.t('takePhoto'));
  const preview = h('img', { class: 'preview hidden', alt: '' });
  const code = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '8', pattern: '[0-9]*', id: 'proof-code', 'data-testid': 'code' });
  const message = h('p', { class: 'error', role: 'alert' });
  photoButton.addEventListener('click', () => photoInput.click());
  photoInput.addEventListener('change', () => {
    const file = photoInput.files?.[0];
    if (file === undefined) return;
    void shrinkPhoto(file).then((small) => {
      photo = small;
      preview.src = URL.createObjectURL(small);
      preview.classList.remove('hidden');
      photoButton.textContent = w.t('retakePhoto');
    });
  });
  const confirm = h('button', { type: 'button', class: 'btn primary', 'data-testid': 'confirm-delivered' }, w.t('confirmDelivered'));
  const sheet = h(
    'div',
    { class: 'sheet', role: 'dialog', 'aria-modal': 'true', 'aria-label': w.t('proofTitle') },
    h('h2', {}, `${task.number} · ${w.t('proofTitle')}`),
    needed.length > 0 ? h('p', { class: 'needed' }, w.t('proofNeeded', { list: proofList(w, needed) })) : null,
    h('div', { class: 'proof' }, photoButton, photoInput, preview),
    h('div', { class: 'proof' }, h('label', {}, w.t('signHere')), canvas),
    h('div', { class: 'proof' }, h('label', { for: 'proof-code' }, w.t('codeLabel')), code),
    message,
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'btn', onclick: close }, w.t('cancel')), confirm),
  );
  sheetRoot().replaceChildren(h('div', { class: 'backdrop' }, sheet));
  // The pad needs the canvas laid out to size its drawing surface to the screen's pixels.
  const ratio = Math.max(window.devicePixelRatio || 1, 1);
  canvas.width = canvas.offsetWidth * ratio;
  canvas.height = canvas.offsetHeight * ratio;
  canvas.getContext('2d')?.scale(ratio, ratio);
  const pad = new SignaturePad(canvas, { penColor: '#10243a' });
  const clear = h('button', { type: 'button', class: 'btn small', onclick: () => pad.clear() }, w.t('clear'));
  canvas.after(clear);
  confirm.addEventListener('click', () => {
    const given: ProofKind[] = [...task.proofsGiven];
    if (photo !== undefined) given.push('photo');
    if (!pad.isEmpty()) given.push('signature');
    const typed = code.value.trim();
    if (typed !== '') given.push('code');
    const missing = task.proofsRequired.filter((k) => !given.includes(k));
    if (missing.length > 0) {
      message.textContent = w.t('missingProof', { list: proofList(w, missing) });
      return;
    }
    confirm.disabled = true;
    void signatureBlob(pad, canvas).then((signature) =>
      app.deliver(task, { ...(photo === undefined ? {} : { photo }), ...(signature === null ? {} : { signature }), ...(typed === '' ? {} : { code: typed }) }).then(close),
    );
  });
}

async function signatureBlob(pad: SignaturePad, canvas: HTMLCanvasElement): Promise<Blob | null> {
  if (pad.isEmpty()) return null;
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));
}

export function openProblemSheet(app: DriverApp, task: DriverTask): void {
  const w = app.state.w;
  let reason: ProblemReason | null = null;
  const comment = h('textarea', { rows: '2', maxlength: '2000', id: 'problem-comment' });
  const send = h('button', { type: 'button', class: 'btn danger', disabled: true }, w.t('send'));
  const reasons = PROBLEM_REASONS.map((r) =>
    h('label', { class: 'reason' }, h('input', { type: 'radio', name: 'reason', value: r, onchange: () => ((reason = r), (send.disabled = false)) }), w.reason(r)),
  );
  send.addEventListener('click', () => {
    if (reason === null) return;
    send.disabled = true;
    void app.reportProblem(task, reason, comment.value).then(close);
  });
  sheetRoot().replaceChildren(
    h(
      'div',
      { class: 'backdrop' },
      h(
        'div',
        { class: 'sheet', role: 'dialog', 'aria-modal': 'true', 'aria-label': w.t('problemTitle') },
        h('h2', {}, `${task.number} · ${w.t('problemTitle')}`),
        h('fieldset', {}, ...reasons),
        h('label', { for: 'problem-comment' }, w.t('comment')),
        comment,
        h('div', { class: 'row' }, h('button', { type: 'button', class: 'btn', onclick: close }, w.t('cancel')), send),
      ),
    ),
  );
}
