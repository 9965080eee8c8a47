// Users and tokens for admins: add a user (name, role, warehouse), revoke one, issue a further
// token. A new token is shown once, here, with a copy button; it is never put in a URL or kept.
import { useState } from 'react';
import { USER_ROLES, type UserRole } from '../../../../shared/domain/vocabulary';
import { useT } from '../../i18n/use-t';
import { Notice } from './Notice';
import { addUser, hideToken, issueToken, loadUsers, revokeUser, useAdminStore } from './store';

function NewToken() {
  const t = useT();
  const token = useAdminStore((s) => s.token);
  const [copied, setCopied] = useState(false);
  if (token === null) return null;
  return (
    <div className="admv-token" role="region" aria-label={t('admin.tokenFor', { name: token.name })}>
      <strong>{t('admin.tokenFor', { name: token.name })}</strong>
      <p className="hint">{t('admin.tokenOnce')}</p>
      <div className="admv-inline">
        <input className="input admv-token-value" readOnly value={token.token} aria-label={t('admin.newToken')} spellCheck={false} autoComplete="off" onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => {
            void navigator.clipboard.writeText(token.token).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? t('admin.copied') : t('admin.copy')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setCopied(false);
            hideToken();
          }}
        >
          {t('admin.hideToken')}
        </button>
      </div>
    </div>
  );
}

function AddUser() {
  const t = useT();
  const warehouses = useAdminStore((s) => s.warehouses);
  const notice = useAdminStore((s) => s.notice);
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('dispatcher');
  const [warehouseId, setWarehouseId] = useState('');
  const badField = notice !== null && !notice.ok && notice.target === 'add-user' ? notice.field : null;
  return (
    <form
      className="admv-box admv-inline"
      aria-label={t('admin.addUser')}
      onSubmit={(e) => {
        e.preventDefault();
        void addUser(name, role, warehouseId === '' ? null : warehouseId).then((ok) => {
          if (ok) setName('');
        });
      }}
    >
      <label className="admv-field">
        <span>{t('admin.name')}</span>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} aria-invalid={badField === 'name'} />
      </label>
      <label className="admv-field">
        <span>{t('admin.role')}</span>
        <select className="select" value={role} onChange={(e) => setRole(e.target.value as UserRole)} aria-invalid={badField === 'role'}>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t.dyn(`role.${r}`, r)}
            </option>
          ))}
        </select>
      </label>
      <label className="admv-field">
        <span>{t('admin.warehouse')}</span>
        <select className="select" value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)} aria-invalid={badField === 'warehouseId'}>
          <option value="">{t('admin.noWarehouse')}</option>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary btn-small" disabled={name.trim() === ''}>
        {t('admin.add')}
      </button>
    </form>
  );
}

export function UsersView() {
  const t = useT();
  const users = useAdminStore((s) => s.users);
  const warehouses = useAdminStore((s) => s.warehouses);
  return (
    <section className="admv-section" aria-label={t('admin.usersTitle')}>
      <header className="admv-head">
        <h1 className="admv-title">{t('admin.usersTitle')}</h1>
        <button type="button" className="btn btn-small" onClick={() => void loadUsers()}>
          {t('admin.refresh')}
        </button>
      </header>
      <p className="hint">{t('admin.usersNote')}</p>
      <h2 className="admv-subtitle">{t('admin.addUser')}</h2>
      <AddUser />
      <Notice />
      <NewToken />
      <table className="admv-table" aria-label={t('admin.usersTitle')}>
        <thead>
          <tr>
            <th>{t('admin.name')}</th>
            <th>{t('admin.role')}</th>
            <th>{t('admin.warehouse')}</th>
            <th>{t('admin.state')}</th>
            <th>{t('admin.tokens')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users?.map((u) => (
            <tr key={u.id} className={u.active ? '' : 'admv-revoked'}>
              <td>
                {u.name}
                <Notice target={`user-${u.id}`} />
              </td>
              <td>{t.dyn(`role.${u.role}`, u.role)}</td>
              <td>{u.warehouseId === null ? '—' : (warehouses.find((w) => w.id === u.warehouseId)?.name ?? u.warehouseId)}</td>
              <td>{u.active ? t('admin.active') : t('admin.revoked')}</td>
              <td className="num">{t.fmt.number(u.activeTokens)}</td>
              <td>
                {u.active && (
                  <div className="admv-inline">
                    <button type="button" className="btn btn-small" aria-label={t('admin.newTokenOf', { name: u.name })} onClick={() => void issueToken(u.id, u.name)}>
                      {t('admin.newToken')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      aria-label={t('admin.revokeOf', { name: u.name })}
                      onClick={() => {
                        if (window.confirm(t('admin.confirmRevoke', { name: u.name }))) void revokeUser(u.id, u.name);
                      }}
                    >
                      {t('admin.revoke')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
