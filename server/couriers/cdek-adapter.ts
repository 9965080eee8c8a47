// CDEK API v2 webhooks (https://api.cdek.ru/v2/webhooks). An ORDER_STATUS body:
//   {type: "ORDER_STATUS", date_time, uuid (CDEK's order entity), attributes: {is_return,
//    cdek_number, number (our order number), code (letter status), status_code (older numeric
//    status), status_reason_code, status_date_time ("2020-08-10T21:32:12+0700"), city_name,
//    city_code}}
// CDEK sends no event id and never retries, so the id is built from what makes a status
// change unique: the CDEK order, the status and the time it was set.
import { z } from 'zod';
import { parseIsoTime } from '../gps/wire-time';
import { ownEntry, type ProviderConfig } from './courier-config';
import type { AdapterResult } from './courier-event';

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

const cdekSchema = z.object({
  type: z.string().min(1),
  date_time: z.string().optional(),
  uuid: z.string().min(1),
  attributes: z
    .object({
      is_return: z.boolean().nullish(),
      cdek_number: text.nullish(),
      number: text.nullish(),
      code: z.string().nullish(),
      status_code: text.nullish(),
      status_reason_code: text.nullish(),
      status_date_time: z.string().nullish(),
      city_name: z.string().nullish(),
      city_code: text.nullish(),
    })
    .default({}),
});

export function adaptCdek(body: unknown, cfg: ProviderConfig): AdapterResult {
  const r = cdekSchema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { kind: 'invalid', message: `not a CDEK webhook: "${issue?.path.join('.') ?? ''}" ${issue?.message ?? ''}` };
  }
  const { type, uuid, attributes: a } = r.data;
  const timeText = a.status_date_time ?? r.data.date_time;
  if (type !== 'ORDER_STATUS') {
    return { kind: 'ignored', eventId: `${type}:${uuid}:${timeText ?? ''}`, why: `CDEK ${type} webhooks carry no order status` };
  }
  const letter = a.code ?? (a.status_code == null ? undefined : ownEntry(cfg.statusCodes, a.status_code));
  if (letter === undefined || letter === '') {
    return { kind: 'invalid', message: `CDEK status has neither a known code nor a known status_code (${a.status_code ?? 'none'})` };
  }
  if (timeText === undefined) return { kind: 'invalid', message: 'CDEK status has no status_date_time or date_time' };
  const at = parseIsoTime(timeText);
  if (at === null) return { kind: 'invalid', message: `CDEK status time "${timeText}" is not ISO 8601` };
  const code = a.is_return === true ? `return:${letter}` : letter;
  return {
    kind: 'event',
    event: {
      eventId: `${uuid}:${code}:${at}`,
      orderNumber: nonEmpty(a.number),
      trackingNumber: nonEmpty(a.cdek_number),
      deviceId: null,
      code,
      at,
      reasonCode: nonEmpty(a.status_reason_code),
      note: nonEmpty(a.city_name),
      direct: null,
      position: null,
    },
  };
}

function nonEmpty(v: string | null | undefined): string | null {
  return v == null || v === '' ? null : v;
}
