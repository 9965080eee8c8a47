// A driver's phone and shift, for the desk: start day / break / end day on the driver's behalf,
// a one-time sign-in link for their phone (QR + URL), and signing a lost phone out.
import { useRef, useState } from 'react';
import type { DriverLinkView } from '../../../../shared/api/driver-phone-api';
import type { ShiftState } from '../../../../shared/domain/vocabulary';
import { api, errorMessage } from '../../api/client';
import { useModalFocus } from '../../app/use-modal-focus';
import { useT } from '../../i18n/use-t';
import { driverById, useDriversStore } from './store';
import { closeDriverPhone } from './phone-store';

export function DriverPhoneDialog({ driverId }: { driverId: string }) {
  const t = useT();
  const driver = useDriversStore((s) => driverById(s, driverId));
  const [link, setLink] = useState<DriverLinkView | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const trapTab = useModalFocus(ref);
  if (driver === undefined) return null;
  const run = async (fn: () => Promise<string | null>) => {
    try {
      const text = await fn();
      setNote(text === null ? null : { ok: true, text });
    } catch (err) {
      setNote({ ok: false, text: errorMessage(err) });
    }
  };
  const shift = (state: ShiftState) =>
    run(async () => {
      const r = await api().setDriverShift({ driverId, shiftState: state });
      return r.ok ? null : r.message;
    });
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeDriverPhone()}>
      <div ref={ref} className="dialog" role="dialog" aria-modal="true" aria-label={t('phone.title', { name: driver.name })} onKeyDown={trapTab}>
        <div className="dialog-head">
          <h2>{t('phone.title', { name: driver.name })}</h2>
          <button type="button" className="btn btn-ghost btn-small" style={{ marginLeft: 'auto' }} aria-label={t('action.close')} onClick={closeDriverPhone}>
            ✕
          </button>
        </div>
        <div className="dialog-body">
          <h3>
            {t('phone.shift')}: {t.dyn(`shift.${driver.shiftState}`, driver.shiftState)}
          </h3>
          <div className="dialog-actions" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <button type="button" className="btn" disabled={driver.shiftState === 'on_shift'} onClick={() => void shift('on_shift')}>
              {t('phone.startDay')}
            </button>
            <button type="button" className="btn" disabled={driver.shiftState !== 'on_shift'} onClick={() => void shift('on_break')}>
              {t('phone.break')}
            </button>
            <button type="button" className="btn" disabled={driver.shiftState === 'off_shift'} onClick={() => void shift('off_shift')}>
              {t('phone.endDay')}
            </button>
          </div>
          <h3>{t('phone.link')}</h3>
          {link === null ? null : (
            <div className="phone-link">
              {/* SVG markup drawn by main's qrcode library from the link, never from user text. */}
              <div className="phone-qr" style={{ width: 200 }} dangerouslySetInnerHTML={{ __html: link.qrSvg }} />
              <p className="muted">{t('phone.linkHelp', { time: t.fmt.shortDateTime(link.expiresAt, Date.now()) })}</p>
              <input className="input" readOnly value={link.url} aria-label={t('phone.link')} data-testid="driver-link" onFocus={(e) => e.currentTarget.select()} style={{ width: '100%' }} />
            </div>
          )}
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
            <button type="button" className="btn btn-primary" onClick={() => void run(async () => (setLink(await api().issueDriverLink({ driverId })), null))}>
              {t('phone.issue')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() =>
                void run(async () => {
                  setLink(null);
                  return t('phone.revoked', { n: (await api().revokeDriverPhone({ driverId })).revoked });
                })
              }
            >
              {t('phone.revoke')}
            </button>
          </div>
          {note && (
            <p role={note.ok ? 'status' : 'alert'} className={note.ok ? 'muted' : 'error'}>
              {note.text}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
