// The save row both notification forms (My notifications, the daily summary) end with: the save
// button, "Saved" once the server took it, the refusal in words otherwise; and which field a
// refusal marks. One home, so a refusal naming a part of a field ("kinds.2", "recipientIds.0")
// marks that field in every form, not only in the one that thought of it.

/** Whether the refusal names `field` or a part of it; `undefined` (not false) so the attribute is left off. */
export function refusedField(answer: { ok: boolean; field?: string | null } | null, field: string): true | undefined {
  if (answer === null || answer.ok || answer.field === undefined || answer.field === null) return undefined;
  return answer.field === field || answer.field.startsWith(`${field}.`) || undefined;
}

export function SaveRow({ label, saved, answer, refusal }: { label: string; saved: string; answer: { ok: boolean } | null; refusal: string }) {
  return (
    <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
      <button type="submit" className="btn btn-primary">
        {label}
      </button>
      {answer?.ok && (
        <span className="ok-text" role="status">
          {saved}
        </span>
      )}
      {answer && !answer.ok && (
        <span className="error-text" role="alert">
          {refusal}
        </span>
      )}
    </div>
  );
}
