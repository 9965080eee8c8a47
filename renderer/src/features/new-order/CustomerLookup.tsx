// The new-order form's customer lookup: the caller's phone in any spelling (+7 701…, 8 701…,
// 701 123…) or a name, searched a moment after the last key; Enter takes the first match, and a
// match's last addresses can be taken with it.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { pickCustomer, searchCustomers, useNewOrderStore } from './store';

export function CustomerLookup() {
  const t = useT();
  const query = useNewOrderStore((s) => s.customerQuery);
  const found = useNewOrderStore((s) => s.customers);
  const loading = useNewOrderStore((s) => s.customersLoading);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return (
    <div className="no-lookup">
      <label className="field">
        <span>{t('newOrder.findCustomer')}</span>
        <input
          className="input"
          data-autofocus
          type="search"
          value={text}
          placeholder={t('newOrder.findPlaceholder')}
          aria-controls="no-customers"
          onChange={(e) => {
            const v = e.target.value;
            setText(v);
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => void searchCustomers(v), 150);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && found && found[0]) {
              e.preventDefault();
              pickCustomer(found[0]);
            }
          }}
        />
      </label>
      <div id="no-customers" aria-live="polite">
        {loading && <p className="hint">{t('newOrder.searching')}</p>}
        {!loading && found && found.length === 0 && <p className="hint">{t('newOrder.noCustomer')}</p>}
        {found && found.length > 0 && (
          <ul className="no-matches" aria-label={t('newOrder.customer')}>
            {found.map((c, i) => (
              <li key={`${c.customerId ?? ''}|${c.phone}|${i}`}>
                <button type="button" className="no-match" onClick={() => pickCustomer(c)}>
                  <strong>{c.name}</strong> <span className="tabular">{c.phone}</span>
                  {c.vipNormMinutes !== null && <span className="vip">VIP</span>}
                  <span className="hint"> · {t('newOrder.orders', { n: c.orderCount })}</span>
                </button>
                {c.lastAddresses.length > 0 && (
                  <ul className="no-addresses" aria-label={`${t('newOrder.lastAddresses')}: ${c.name}`}>
                    {c.lastAddresses.map((a, j) => (
                      <li key={j}>
                        <button type="button" className="no-address" onClick={() => pickCustomer(c, j)}>
                          {t('newOrder.useAddress', { address: a.city !== '' && !a.address.includes(a.city) ? `${a.address}, ${a.city}` : a.address })}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
