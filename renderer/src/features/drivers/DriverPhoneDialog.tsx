// A driver's phone and shift, for the desk: start day / break / end day on the driver's behalf,
// a one-time sign-in link for their phone (QR + URL), and signing a lost phone out.
import { useRef } from 'react';
import { useModalFocus } from '../../app/use-modal-focus';
import { useT } from '../../i18n/use-t';
import { useClockStore } from '../clock/store';
import { driverById, useDriversStore } from './store';
import { closeDriverPhone, issuePhoneLink, revokePhone, setPhoneShift, useDriverPhoneStore } from './phone-store';

export function DriverPhoneDialog({ driverId }: { driverId: string }) {
  const t = useT();
  const driver = useDriversStore((s) => driverById(s, driverId));
  const link = useDriverPhoneStore((s) => s.link);
  const note = useDriverPhoneStore((s) => s.note);
  // The shared clock (server-corrected), so the link's "until" names today as elsewhere.
  const now = useClockStore((s) => s.now);
  const ref = useRef<HTMLDivElement>(null);
  const trapTab = useModalFocus(ref);
  if (driver === undefined) return null;
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
            <button type="button" className="btn" disabled={driver.shiftState === 'on_shift'} onClick={() => void setPhoneShift('on_shift')}>
              {t('phone.startDay')}
            </button>
            <button type="button" className="btn" disabled={driver.shiftState !== 'on_shift'} onClick={() => void setPhoneShift('on_break')}>
              {t('phone.break')}
            </button>
            <button type="button" className="btn" disabled={driver.shiftState === 'off_shift'} onClick={() => void setPhoneShift('off_shift')}>
              {t('phone.endDay')}
            </button>
          </div>
          <h3>{t('phone.link')}</h3>
          {link === null ? null : (
            <div className="phone-link">
              {/* SVG markup drawn by main's qrcode library from the link, never from user text. */}
              <div className="phone-qr" style={{ width: 200 }} dangerouslySetInnerHTML={{ __html: link.qrSvg }} />
              <p className="muted">{t('phone.linkHelp', { time: t.fmt.shortDateTime(link.expiresAt, now) })}</p>
              <input className="input" readOnly value={link.url} aria-label={t('phone.link')} data-testid="driver-link" onFocus={(e) => e.currentTarget.select()} style={{ width: '100%' }} />
            </div>
          )}
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
            <button type="button" className="btn btn-primary" onClick={() => void issuePhoneLink()}>
              {t('phone.issue')}
            </button>
            <button type="button" className="btn" onClick={() => void revokePhone()}>
              {t('phone.revoke')}
            </button>
          </div>
          {note?.kind === 'revoked' && (
            <p role="status" className="muted">
              {t('phone.revoked', { n: note.count })}
            </p>
          )}
          {note?.kind === 'refused' && (
            <p role="alert" className="error">
              {note.text}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
