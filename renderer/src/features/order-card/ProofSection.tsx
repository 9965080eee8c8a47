// Proof of delivery on the order card: what the admin's rule asks for, what the driver's phone
// gave (photo and signature images fetched through main from the server, which serves them to
// signed-in users only), and the delivery code the customer is to be told.
import { useEffect } from 'react';
import type { OrderProofView } from '../../../../shared/api/driver-phone-api';
import type { OrderStatus } from '../../../../shared/domain/vocabulary';
import { useT } from '../../i18n/use-t';
import { useClockStore } from '../clock/store';
import { issueDeliveryCode, loadProofImage, showProofs, useProofsStore } from './proof-store';

function ProofImage({ fileId, alt }: { fileId: string; alt: string }) {
  const image = useProofsStore((s) => s.images[fileId]);
  useEffect(() => {
    void loadProofImage(fileId);
  }, [fileId]);
  if (image !== undefined && 'error' in image) return <span className="error-text">{image.error}</span>;
  return image === undefined ? <span className="muted">…</span> : <img src={image.src} alt={alt} style={{ maxWidth: 220, maxHeight: 140, border: '1px solid #d0d7de', borderRadius: 6, background: '#fff' }} />;
}

export function ProofSection({ orderId, status }: { orderId: string; status: OrderStatus }) {
  const t = useT();
  // The shared clock (server-corrected, fake in tests), so "today" means the same as elsewhere.
  const now = useClockStore((s) => s.now);
  // Another order's proofs may still be in the store for a moment after the card switches.
  const view = useProofsStore((s) => (s.orderId === orderId ? s.view : null));
  const error = useProofsStore((s) => (s.orderId === orderId ? s.error : null));
  const commandError = useProofsStore((s) => s.commandError);
  useEffect(() => {
    void showProofs(orderId);
    return () => void showProofs(null);
  }, [orderId]);
  if (view === null) return error === null ? null : <p className="error-text">{error}</p>;
  const kind = (p: OrderProofView) => t.dyn(`proof.kind.${p.kind}`, p.kind);
  const open = status !== 'delivered' && status !== 'closed' && status !== 'cancelled';
  if (view.proofs.length === 0 && view.required.length === 0 && view.code === null && !open) return null;
  return (
    <section className="card-section" aria-label={t('proof.title')} data-testid="proof-section">
      <h3>{t('proof.title')}</h3>
      {view.required.length > 0 && <p className="muted">{t('proof.required', { list: view.required.map((k) => t.dyn(`proof.kind.${k}`, k)).join(', ') })}</p>}
      {view.proofs.length === 0 ? (
        <p className="muted">{t('proof.none')}</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          {view.proofs.map((p) => (
            <li key={p.kind}>
              <div className="tabular">{t('proof.by', { kind: kind(p), time: t.fmt.shortDateTime(p.at, now), who: p.actorName ?? '' })}</div>
              {p.fileId !== null ? <ProofImage fileId={p.fileId} alt={kind(p)} /> : <span className="muted">{t('proof.codeGiven')}</span>}
            </li>
          ))}
        </ul>
      )}
      {view.code !== null && <p>{t('proof.code', { code: view.code })}</p>}
      {view.code === null && open && (
        <button type="button" className="btn btn-small" onClick={() => void issueDeliveryCode()}>
          {t('proof.issueCode')}
        </button>
      )}
      {commandError !== null && (
        <p className="error-text" role="alert">
          {commandError}
        </p>
      )}
    </section>
  );
}
