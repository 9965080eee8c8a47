// GPS devices for admins: the ones that send positions but are bound to no driver (bind one
// to a driver), and the bound ones (unbind a lost phone).
import { useState } from 'react';
import type { GpsDevicesView } from '../../../../shared/api/admin-api';
import { useT } from '../../i18n/use-t';
import { Notice } from './Notice';
import { bindDevice, loadDevices, unbindDevice, useAdminStore } from './store';

type Unknown = GpsDevicesView['unknown'][number];

function UnknownRow({ d }: { d: Unknown }) {
  const t = useT();
  const drivers = useAdminStore((s) => s.drivers);
  const [driverId, setDriverId] = useState('');
  const driver = drivers.find((x) => x.id === driverId);
  return (
    <tr>
      <td>
        <code className="admv-id">{d.deviceId}</code>
        <Notice target={`device-${d.deviceId}`} />
      </td>
      <td>{t.fmt.dateTime(d.firstSeenAt)}</td>
      <td>{t.fmt.dateTime(d.lastSeenAt)}</td>
      <td className="num">{t.fmt.number(d.requestCount)}</td>
      <td>{d.lastLat === null || d.lastLon === null ? '—' : `${t.fmt.number(d.lastLat)}, ${t.fmt.number(d.lastLon)}`}</td>
      <td>
        <div className="admv-inline">
          <select className="select" value={driverId} onChange={(e) => setDriverId(e.target.value)} aria-label={t('admin.bindOf', { device: d.deviceId })}>
            <option value="">{t('admin.chooseDriver')}</option>
            {drivers.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-primary btn-small" disabled={driver === undefined} onClick={() => driver && void bindDevice(d.deviceId, driver.id, driver.name)}>
            {t('admin.bind')}
          </button>
        </div>
      </td>
    </tr>
  );
}

export function DevicesView() {
  const t = useT();
  const devices = useAdminStore((s) => s.devices);
  return (
    <section className="admv-section" aria-label={t('admin.devicesTitle')}>
      <header className="admv-head">
        <h1 className="admv-title">{t('admin.devicesTitle')}</h1>
        <button type="button" className="btn btn-small" onClick={() => void loadDevices()}>
          {t('admin.refresh')}
        </button>
      </header>
      <p className="hint">{t('admin.devicesNote')}</p>
      <Notice />
      <h2 className="admv-subtitle">{t('admin.unknownDevices')}</h2>
      {devices !== null && devices.unknown.length === 0 ? (
        <p className="empty">{t('admin.noUnknown')}</p>
      ) : (
        <table className="admv-table" aria-label={t('admin.unknownDevices')}>
          <thead>
            <tr>
              <th>{t('admin.device')}</th>
              <th>{t('admin.firstSeen')}</th>
              <th>{t('admin.lastSeen')}</th>
              <th>{t('admin.requests')}</th>
              <th>{t('admin.lastPlace')}</th>
              <th>{t('admin.driver')}</th>
            </tr>
          </thead>
          <tbody>
            {devices?.unknown.map((d) => (
              <UnknownRow key={d.deviceId} d={d} />
            ))}
          </tbody>
        </table>
      )}
      <h2 className="admv-subtitle">{t('admin.boundDevices')}</h2>
      {devices !== null && devices.bound.length === 0 ? (
        <p className="empty">{t('admin.noBound')}</p>
      ) : (
        <table className="admv-table" aria-label={t('admin.boundDevices')}>
          <thead>
            <tr>
              <th>{t('admin.device')}</th>
              <th>{t('admin.driver')}</th>
              <th>{t('admin.boundAt')}</th>
              <th>{t('admin.boundBy')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices?.bound.map((b) => (
              <tr key={b.deviceId}>
                <td>
                  <code className="admv-id">{b.deviceId}</code>
                  <Notice target={`device-${b.deviceId}`} />
                </td>
                <td>{b.driverName ?? b.driverId}</td>
                <td>{t.fmt.dateTime(b.boundAt)}</td>
                <td>{b.boundBy}</td>
                <td>
                  <button type="button" className="btn btn-small" aria-label={t('admin.unbindOf', { device: b.deviceId })} onClick={() => void unbindDevice(b.deviceId)}>
                    {t('admin.unbind')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
