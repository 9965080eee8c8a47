// Which service types each customer trigger goes out for: a matrix of occasion × service type,
// each cell saved at once (setMessageServices: only that cell changes). The server asks the same
// switch before it queues anything (customerMessageGoes in shared/messages/message-rules.ts).
import type { MessageSettingsView } from '../../../../shared/api/messages-api';
import { SERVICE_TYPES } from '../../../../shared/domain/vocabulary';
import { useT } from '../../i18n/use-t';
import { saveService } from './store';

export function ServicesMatrix({ view }: { view: MessageSettingsView }) {
  const t = useT();
  return (
    <>
      <table className="cmsg-table cmsg-matrix">
        <thead>
          <tr>
            <th>{t('msgs.trigger')}</th>
            {SERVICE_TYPES.map((s) => (
              <th key={s}>{t.dyn(`service.${s}`, s)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rules.map((r) => {
            const name = t.dyn(`msgs.trigger.${r.trigger}`, r.trigger);
            // With every channel off the switches decide nothing: say so rather than look "on".
            const silent = !r.channels.sms && !r.channels.email && !r.channels.telegram;
            return (
              <tr key={r.trigger} className={silent ? 'cmsg-silent' : undefined}>
                <th scope="row">
                  {name}
                  {silent && <span className="muted cmsg-note"> · {t('msgs.noChannel')}</span>}
                </th>
                {SERVICE_TYPES.map((s) => (
                  <td key={s}>
                    <input
                      type="checkbox"
                      checked={r.services[s]}
                      disabled={!view.canEdit}
                      aria-label={t('msgs.serviceCell', { trigger: name, service: t.dyn(`service.${s}`, s) })}
                      onChange={() => void saveService(r.trigger, s, !r.services[s])}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint cmsg-hint">{t('msgs.servicesHint')}</p>
    </>
  );
}
