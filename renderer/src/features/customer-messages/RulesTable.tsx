// Each customer trigger on a row: which channels carry it (saved at once), whether an admin
// changed its texts, and a button to edit them.
import type { MessageSettingsView } from '../../../../shared/api/messages-api';
import { MESSAGE_CHANNELS } from '../../../../shared/messages/message-vocabulary';
import { useT } from '../../i18n/use-t';
import { saveChannels, selectTrigger, useCustomerMessagesStore } from './store';

export function RulesTable({ view }: { view: MessageSettingsView }) {
  const t = useT();
  const selected = useCustomerMessagesStore((s) => s.trigger);
  return (
    <table className="cmsg-table">
      <thead>
        <tr>
          <th>{t('msgs.trigger')}</th>
          {MESSAGE_CHANNELS.map((c) => (
            <th key={c}>{t.dyn(`msgs.channel.${c}`, c)}</th>
          ))}
          <th>{t('msgs.texts')}</th>
        </tr>
      </thead>
      <tbody>
        {view.rules.map((r) => {
          const name = t.dyn(`msgs.trigger.${r.trigger}`, r.trigger);
          const own = (['ru', 'kk', 'en'] as const).filter((l) => r.texts[l] !== null);
          return (
            <tr key={r.trigger} aria-selected={selected === r.trigger} className={selected === r.trigger ? 'cmsg-selected' : ''}>
              <th scope="row">{name}</th>
              {MESSAGE_CHANNELS.map((c) => (
                <td key={c}>
                  <input
                    type="checkbox"
                    checked={r.channels[c]}
                    disabled={!view.canEdit}
                    aria-label={`${name}: ${t.dyn(`msgs.channel.${c}`, c)}`}
                    onChange={() => void saveChannels(r.trigger, { ...r.channels, [c]: !r.channels[c] })}
                  />
                </td>
              ))}
              <td>
                <button type="button" className="btn btn-small" aria-pressed={selected === r.trigger} onClick={() => void selectTrigger(r.trigger)}>
                  {own.length === 0 ? t('msgs.shipped') : t('msgs.own', { langs: own.map((l) => l.toUpperCase()).join(', ') })}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
