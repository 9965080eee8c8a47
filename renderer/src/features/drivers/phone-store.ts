// A driver's phone dialog (at most one open): the desk's shift commands on the driver's behalf,
// the one-time sign-in link just issued, and the last outcome to show under the buttons.
import { create } from 'zustand';
import type { DriverLinkView } from '../../../../shared/api/driver-phone-api';
import type { ShiftState } from '../../../../shared/domain/vocabulary';
import { api, errorMessage } from '../../api/client';

/** What the dialog says under its buttons; words are the dialog's, only the server's refusal is text. */
export type PhoneNote = { kind: 'revoked'; count: number } | { kind: 'refused'; text: string };

export interface DriverPhoneState {
  driverId: string | null;
  link: DriverLinkView | null;
  note: PhoneNote | null;
}

const closed: DriverPhoneState = { driverId: null, link: null, note: null };

export const useDriverPhoneStore = create<DriverPhoneState>(() => closed);

/** Opening starts afresh: another driver's link is never shown. */
export function openDriverPhone(driverId: string): void {
  useDriverPhoneStore.setState({ ...closed, driverId });
}

export function closeDriverPhone(): void {
  useDriverPhoneStore.setState(closed, true);
}

/** Runs a call for the open driver; an answer after the dialog closed or moved on is dropped. */
async function run(call: (driverId: string) => Promise<Partial<DriverPhoneState>>): Promise<void> {
  const { driverId } = useDriverPhoneStore.getState();
  if (driverId === null) return;
  let next: Partial<DriverPhoneState>;
  try {
    next = await call(driverId);
  } catch (err) {
    next = { note: { kind: 'refused', text: errorMessage(err) } };
  }
  if (useDriverPhoneStore.getState().driverId === driverId) useDriverPhoneStore.setState(next);
}

/** Start day, break, end day on the driver's behalf; the list shows the new state from the replica. */
export function setPhoneShift(shiftState: ShiftState): Promise<void> {
  return run(async (driverId) => {
    const r = await api().setDriverShift({ driverId, shiftState });
    return { note: r.ok ? null : { kind: 'refused', text: r.message } };
  });
}

export function issuePhoneLink(): Promise<void> {
  return run(async (driverId) => ({ link: await api().issueDriverLink({ driverId }), note: null }));
}

/** Signs a lost phone out; the link shown (if any) is withdrawn from view at once. */
export function revokePhone(): Promise<void> {
  useDriverPhoneStore.setState({ link: null });
  return run(async (driverId) => ({ note: { kind: 'revoked', count: (await api().revokeDriverPhone({ driverId })).revoked } }));
}
