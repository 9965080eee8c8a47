// Phones as the console shows and dials them: one formatter for carriers and drivers alike.
import { normalizePhone } from '../carriers/normalize-phone';

/** "+7 701 123 45 67" from the canonical 77011234567; other numbers as stored. */
export function displayPhone(phone: string, normalized: string = normalizePhone(phone)): string {
  if (/^7\d{10}$/.test(normalized)) {
    const d = normalized;
    return `+7 ${d.slice(1, 4)} ${d.slice(4, 7)} ${d.slice(7, 9)} ${d.slice(9)}`;
  }
  return phone;
}

/** A tel: link with the number's digits only (what the dialler needs). */
export function telHref(normalized: string, phone: string): string {
  const digits = normalized !== '' ? normalized : phone.replace(/\D/g, '');
  return `tel:+${digits}`;
}
