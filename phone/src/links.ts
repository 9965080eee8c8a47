// Links that hand off to the phone's own apps: the dialer, and the map app with the address.
// Android opens `geo:` in the chosen map app; iOS opens Apple Maps from `maps://`.
export function telLink(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.length >= 5 ? `tel:${digits}` : null;
}

export function mapLink(lat: number, lon: number, label: string, userAgent: string): string {
  const at = `${lat.toFixed(6)},${lon.toFixed(6)}`;
  if (/iPhone|iPad|iPod/i.test(userAgent)) return `maps://?daddr=${at}&q=${encodeURIComponent(label)}`;
  return `geo:${at}?q=${at}(${encodeURIComponent(label)})`;
}
