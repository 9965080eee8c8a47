// The scanner's audible answer (WebAudio, no sound files): one short high beep for a good
// scan, two low buzzes for anything that changed nothing. Warehouses are loud and people look
// at the goods, not the screen, so the two must be told apart by ear alone.
// The audio context is opened on the first scan (a page may not start audio before a user's
// gesture) and kept in the warehouse store, which closes it on reset.

/** The context to play on: `current` if it still works, else a new one (null: no audio here). */
export function openScanAudio(current: AudioContext | null): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  try {
    const ctx = current !== null && current.state !== 'closed' ? current : new window.AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
    return ctx;
  } catch {
    return null; // no audio device: the colour and the message still say it
  }
}

function tone(ac: AudioContext, freq: number, start: number, duration: number, type: OscillatorType): void {
  const osc = ac.createOscillator();
  const gain = ac.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  osc.connect(gain).connect(ac.destination);
  osc.start(start);
  osc.stop(start + duration + 0.02);
}

export function playScanSound(ac: AudioContext, kind: 'ok' | 'error'): void {
  const t = ac.currentTime;
  if (kind === 'ok') {
    tone(ac, 1320, t, 0.12, 'sine');
  } else {
    tone(ac, 220, t, 0.16, 'square');
    tone(ac, 220, t + 0.22, 0.16, 'square');
  }
}
