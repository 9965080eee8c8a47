// Phone numbers as carriers write them: "+7 (701) 123-45-67", "8 701 1234567", "7011234567".
// Kazakhstan and Russia share country code 7 and the domestic trunk prefix 8, so one
// canonical form (digits, leading 7) makes search and duplicate checks compare like with like.

/**
 * Digits only, trunk prefix 8 turned into 7, a bare 10-digit national number given its 7.
 * Foreign numbers keep their digits as typed. Empty when there are no digits.
 */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/\D+/g, '');
  if (digits.length === 11 && digits.startsWith('8')) return `7${digits.slice(1)}`;
  if (digits.length === 10 && /^[3-9]/.test(digits) && !raw.trim().startsWith('+')) return `7${digits}`;
  return digits;
}

/** Whether text typed into the search box looks like (part of) a phone number or a tax id. */
export function looksNumeric(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && /^[+\d][\d\s()\-.]*$/.test(t) && /\d/.test(t);
}

/**
 * Prefixes of the canonical phone form that a partial number typed by a person may be:
 * "8701" -> 7701; "+7 701" -> 7701; "701 12" -> 70112 as typed and 770112 with the
 * country code added (the person left it off). Shortest first, duplicates removed.
 */
export function phonePrefixVariants(typed: string): string[] {
  const digits = typed.replace(/\D+/g, '');
  if (digits.length === 0) return [];
  const out = new Set<string>();
  if (digits.startsWith('8')) out.add(`7${digits.slice(1)}`);
  else out.add(digits);
  // A national number typed without the 7: operator codes start with 3 (landlines) or 7 (mobiles).
  if (!typed.trim().startsWith('+') && /^[3-79]/.test(digits) && digits.length >= 3) out.add(`7${digits}`);
  return [...out].sort((a, b) => a.length - b.length || a.localeCompare(b));
}
