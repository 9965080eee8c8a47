// Proof of delivery on the order card: what the admin's rule asks for, what the driver's phone
// gave (photo and signature images fetched through main from the server, which serves them to
// signed-in users only), and the delivery code the customer is to be told.
import { useEffect, useState } from 'react';
import type { OrderProofsView, OrderProofView } from '../../../../shared/api/driver-phone-api';
import type { OrderStatus } from '../../../../shared/domain/vocabulary';
import { api, errorMessage } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useClockStore } from '../clock/store';

function ProofImage({ fileId, alt }: { fileId: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api()
      .proofFile({ fileId })
      .then((r) => live && setSrc(r.dataUrl))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [fileId]);
  if (error !== null) return <span className="error-text">{error}</span>;
  return src === null ? <span className="muted">…</span> : <img src={src} alt={alt} style={{ maxWidth: 220, maxHeight: 140, border: '1px solid #d0d7de', borderRadius: 6, background: '#fff' }} />;
}

export function ProofSection({ orderId, status }: { orderId: string; status: OrderStatus }) {
  const t = useT();
  // The shared clock (server-corrected, fake in tests), so "today" means the same as elsewhere.
  const now = useClockStore((s) => s.now);
  const [view, setView] = useState<OrderProofsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void api()
        .orderProofs({ orderId })
        .then((v) => live && setView(v))
        .catch((e: unknown) => live && setError(errorMessage(e)));
    load();
    const off = api().on('changes', (e) => {
      if (e.all || e.tables.some((x) => x === 'delivery_proofs' || x === 'delivery_codes' || x === 'delivery_proof_rules')) load();
    });
    return () => {
      live = false;
      off();
    };
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
        <button type="button" className="btn btn-small" onClick={() => void api().issueDeliveryCode({ orderId })}>
          {t('proof.issueCode')}
        </button>
      )}
    </section>
  );
}
