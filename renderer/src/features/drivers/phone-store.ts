// Which driver's phone dialog is open (at most one).
import { create } from 'zustand';

export const useDriverPhoneStore = create<{ driverId: string | null }>(() => ({ driverId: null }));

export function openDriverPhone(driverId: string): void {
  useDriverPhoneStore.setState({ driverId });
}

export function closeDriverPhone(): void {
  useDriverPhoneStore.setState({ driverId: null });
}
