// Proof of delivery on the open order card: what the admin's rule asks for, what the driver's
// phone gave, the delivery code, and the proof images (fetched through main from the server,
// which serves them to signed-in users only). The refresh plan's 'proofs' target re-reads it.
import { create } from 'zustand';
import type { OrderProofsView } from '../../../../shared/api/driver-phone-api';
import { api, errorMessage } from '../../api/client';

/** An image as fetched, or why the server would not give it. */
export type ProofImage = { src: string } | { error: string };

export interface ProofsState {
  /** The order whose proofs show; null when no card shows them. */
  orderId: string | null;
  view: OrderProofsView | null;
  /** Why the proofs could not be read. */
  error: string | null;
  /** Why issuing a delivery code was refused. */
  commandError: string | null;
  /** The open order's images by file id. */
  images: Readonly<Record<string, ProofImage>>;
}

const initial: ProofsState = { orderId: null, view: null, error: null, commandError: null, images: {} };

export const useProofsStore = create<ProofsState>(() => initial);

export function resetProofsStore(): void {
  useProofsStore.setState(initial, true);
}

/** The card shows an order's proofs (or none: null); another order starts from nothing. */
export function showProofs(orderId: string | null): Promise<void> {
  if (useProofsStore.getState().orderId !== orderId) useProofsStore.setState({ ...initial, orderId });
  return refreshProofs();
}

/** Re-reads the shown order's proofs; an answer for an order no longer shown is dropped. */
export async function refreshProofs(): Promise<void> {
  const { orderId } = useProofsStore.getState();
  if (orderId === null) return;
  try {
    const view = await api().orderProofs({ orderId });
    if (useProofsStore.getState().orderId === orderId) useProofsStore.setState({ view, error: null });
  } catch (err) {
    if (useProofsStore.getState().orderId === orderId) useProofsStore.setState({ error: errorMessage(err) });
  }
}

/** Fetches one image once per shown order. */
export async function loadProofImage(fileId: string): Promise<void> {
  const { orderId, images } = useProofsStore.getState();
  if (Object.hasOwn(images, fileId)) return;
  let image: ProofImage;
  try {
    image = { src: (await api().proofFile({ fileId })).dataUrl };
  } catch (err) {
    image = { error: errorMessage(err) };
  }
  const now = useProofsStore.getState();
  if (now.orderId === orderId) useProofsStore.setState({ images: { ...now.images, [fileId]: image } });
}

/** A code the customer tells the driver at the door; shown at once, without waiting for the refresh plan. */
export async function issueDeliveryCode(): Promise<void> {
  const { orderId } = useProofsStore.getState();
  if (orderId === null) return;
  useProofsStore.setState({ commandError: null });
  try {
    const r = await api().issueDeliveryCode({ orderId });
    if (!r.ok) useProofsStore.setState({ commandError: r.message });
  } catch (err) {
    useProofsStore.setState({ commandError: errorMessage(err) });
  }
  await refreshProofs();
}
