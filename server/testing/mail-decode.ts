// Reads what nodemailer wrote, for tests against the local SMTP stand-in: the subject (RFC 2047
// encoded words, B or Q) and each text/plain and text/html part (base64, quoted-printable or
// as is) of a single-part or multipart message. Enough for our own mails, not a MIME library.
export interface DecodedMail {
  subject: string;
  text: string | null;
  html: string | null;
}

function headerBlock(part: string): { headers: Map<string, string>; body: string } {
  const split = part.indexOf('\r\n\r\n');
  const head = split < 0 ? part : part.slice(0, split);
  const body = split < 0 ? '' : part.slice(split + 4);
  const headers = new Map<string, string>();
  // Unfold continuation lines, then one header per line.
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

function decodeQuotedPrintable(s: string): Buffer {
  const bytes: number[] = [];
  const text = s.replace(/=\r\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? '').toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return decodeQuotedPrintable(body).toString('utf8');
  return body;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );
}

/** The top-level headers, unfolded, by lower-case name (List-Unsubscribe and the like). */
export function mailHeaders(raw: string): Map<string, string> {
  return headerBlock(raw).headers;
}

export function decodeMail(raw: string): DecodedMail {
  const top = headerBlock(raw);
  const out: DecodedMail = { subject: decodeWords(top.headers.get('subject') ?? ''), text: null, html: null };
  const take = (headers: Map<string, string>, body: string) => {
    const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
    // SMTP carries lines as CRLF: give them back as the composer wrote them.
    const value = decodeBody(body.replace(/\r\n$/, ''), headers.get('content-transfer-encoding')).replace(/\r\n/g, '\n');
    if (type.startsWith('text/plain')) out.text = value;
    else if (type.startsWith('text/html')) out.html = value;
  };
  const boundary = /boundary="?([^";]+)"?/i.exec(top.headers.get('content-type') ?? '')?.[1];
  if (boundary === undefined) take(top.headers, top.body);
  else {
    for (const part of top.body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const p = headerBlock(part.replace(/^\r\n/, ''));
      take(p.headers, p.body);
    }
  }
  return out;
}
