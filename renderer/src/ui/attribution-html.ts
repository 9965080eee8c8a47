// Leaflet takes a tile layer's attribution as HTML and inserts it with innerHTML. The
// attribution is a setting (anyone who can call setSettings chooses it), so it is text: every
// markup character is escaped before Leaflet sees it, and `<img onerror=...>` shows as typed.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function attributionHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
