// The Review tab (issue 16): what used to need the server's command line. Courier events the
// server kept for a person, for the desk roles; GPS devices and users with their tokens, for
// admins. Everything is read from and written to the server (main calls its REST API with the
// signed-in user's token), which checks the role again.
import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../session/store';
import { DevicesView } from './DevicesView';
import { ReviewList } from './ReviewList';
import { resetAdmin, showSection, useAdminStore, type AdminSection } from './store';
import { UsersView } from './UsersView';
import './admin.css';

const SECTIONS: ReadonlyArray<{ id: AdminSection; label: 'admin.reviewTab' | 'admin.devicesTab' | 'admin.usersTab'; adminOnly: boolean }> = [
  { id: 'review', label: 'admin.reviewTab', adminOnly: false },
  { id: 'devices', label: 'admin.devicesTab', adminOnly: true },
  { id: 'users', label: 'admin.usersTab', adminOnly: true },
];

export default function AdminScreen() {
  const t = useT();
  const role = useSessionStore((s) => s.session?.user?.role ?? null);
  const section = useAdminStore((s) => s.section);
  const loadError = useAdminStore((s) => s.loadError);
  useEffect(() => {
    void showSection('review');
    return resetAdmin;
  }, []);
  const sections = SECTIONS.filter((s) => !s.adminOnly || role === 'admin');
  return (
    <div className="admv">
      <nav className="admv-sections" role="tablist" aria-label={t('admin.sections')}>
        {sections.map((s) => (
          <button key={s.id} type="button" role="tab" className="btn btn-small" aria-selected={section === s.id} onClick={() => void showSection(s.id)}>
            {t(s.label)}
          </button>
        ))}
      </nav>
      {loadError !== null && (
        <div role="alert" className="admv-msg err">
          {loadError}
        </div>
      )}
      {section === 'review' && <ReviewList />}
      {section === 'devices' && role === 'admin' && <DevicesView />}
      {section === 'users' && role === 'admin' && <UsersView />}
    </div>
  );
}
