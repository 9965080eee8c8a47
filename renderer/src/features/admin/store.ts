// The Review tab (issue 16): which part is open, what the server listed, the last answer, and a
// newly issued token. The token lives here only until the admin hides it or leaves the tab:
// it is never written anywhere else, and the server cannot show it again.
import { create } from 'zustand';
import type { CourierReviewList, GpsDevicesView, UserListingView } from '../../../../shared/api/admin-api';
import type { CommandResultWith } from '../../../../shared/api/define';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import type { WarehouseListRow } from '../../../../shared/api/warehouse-api';
import type { UserRole } from '../../../../shared/domain/vocabulary';
import { api, errorMessage } from '../../api/client';
import type { MessageKey } from '../../i18n/translate';

export type AdminSection = 'review' | 'devices' | 'users';

export type AdminNotice =
  | { ok: true; key: MessageKey; params: Record<string, string> }
  /** A refusal in the server's words, with the field it names (to mark the input). */
  | { ok: false; text: string; field: string | null; target: string | null };

export interface AdminState {
  section: AdminSection;
  reviews: CourierReviewList | null;
  devices: GpsDevicesView | null;
  users: UserListingView[] | null;
  drivers: DriverListRow[];
  warehouses: WarehouseListRow[];
  notice: AdminNotice | null;
  /** A token just issued, shown once. */
  token: { name: string; token: string } | null;
  loadError: string | null;
}

const initial = (): AdminState => ({
  section: 'review',
  reviews: null,
  devices: null,
  users: null,
  drivers: [],
  warehouses: [],
  notice: null,
  token: null,
  loadError: null,
});

export const useAdminStore = create<AdminState>(initial);

const set = (s: Partial<AdminState>) => useAdminStore.setState(s);

async function load(run: () => Promise<Partial<AdminState>>): Promise<void> {
  try {
    set({ ...(await run()), loadError: null });
  } catch (err) {
    set({ loadError: errorMessage(err) });
  }
}

export const loadReviews = () => load(async () => ({ reviews: await api().courierReviews() }));
export const loadDevices = () =>
  load(async () => {
    const [devices, drivers] = await Promise.all([api().gpsDevices(), api().listDrivers()]);
    return { devices, drivers };
  });
export const loadUsers = () =>
  load(async () => {
    const [users, warehouses] = await Promise.all([api().listUsers(), api().listWarehouses()]);
    return { users, warehouses };
  });

export function showSection(section: AdminSection): Promise<void> {
  set({ section, notice: null, token: null });
  return section === 'review' ? loadReviews() : section === 'devices' ? loadDevices() : loadUsers();
}

/** Runs a write; a refusal becomes the notice (marked on `target`), a success reloads the list. */
async function write<R extends CommandResultWith<Record<string, unknown>>>(
  target: string,
  call: () => Promise<R>,
  /** The notice to show after it worked; null when the screen shows the result itself (a token). */
  done: (r: Extract<R, { ok: true }>) => AdminNotice | null,
  reload: () => Promise<void>,
): Promise<boolean> {
  try {
    const r = await call();
    if (!r.ok) {
      set({ notice: { ok: false, text: r.message, field: typeof r.details?.['field'] === 'string' ? r.details['field'] : null, target } });
      return false;
    }
    set({ notice: done(r as Extract<R, { ok: true }>) });
    await reload();
    return true;
  } catch (err) {
    set({ notice: { ok: false, text: errorMessage(err), field: null, target } });
    return false;
  }
}

export const attachReview = (reviewId: number, orderNumber: string) =>
  write(
    `review-${reviewId}`,
    () => api().attachCourierReview({ reviewId, orderNumber }),
    (r) => ({ ok: true, key: 'admin.attached', params: { number: r.answer.orderNumber, outcome: r.answer.outcome } }),
    loadReviews,
  );

export const dismissReview = (reviewId: number, note: string) =>
  write(
    `review-${reviewId}`,
    () => api().dismissCourierReview(note.trim() === '' ? { reviewId } : { reviewId, note }),
    () => ({ ok: true, key: 'admin.dismissed', params: {} }),
    loadReviews,
  );

export const bindDevice = (deviceId: string, driverId: string, driverName: string) =>
  write(
    `device-${deviceId}`,
    () => api().bindGpsDevice({ deviceId, driverId }),
    () => ({ ok: true, key: 'admin.bound', params: { device: deviceId, driver: driverName } }),
    loadDevices,
  );

export const unbindDevice = (deviceId: string) =>
  write(
    `device-${deviceId}`,
    () => api().unbindGpsDevice({ deviceId }),
    () => ({ ok: true, key: 'admin.unbound', params: { device: deviceId } }),
    loadDevices,
  );

export async function addUser(name: string, role: UserRole, warehouseId: string | null): Promise<boolean> {
  const ok = await write(
    'add-user',
    () => api().addUser({ name, role, warehouseId }),
    (r) => {
      set({ token: { name, token: r.token } });
      return null;
    },
    loadUsers,
  );
  return ok;
}

export const revokeUser = (id: string, name: string) =>
  write(`user-${id}`, () => api().revokeUser({ userId: id }), () => ({ ok: true, key: 'admin.userRevoked', params: { name } }), loadUsers);

export const issueToken = (id: string, name: string) =>
  write(
    `user-${id}`,
    () => api().issueUserToken({ userId: id }),
    (r) => {
      set({ token: { name, token: r.token } });
      return null;
    },
    loadUsers,
  );

export const hideToken = () => set({ token: null, notice: null });

/** Leaving the tab forgets everything, the token first. */
export const resetAdmin = () => useAdminStore.setState(initial());
