// Traccar's event forwarding (`event.forward.url`): {event, position, device} as JSON, so a
// company already running a Traccar server can forward to us. Traccar knows devices, not
// orders: the device is bound to a driver like a phone (device_bindings), its position goes
// through our GPS pipeline (our geofences decide arrival), and the event type is the code of
// the mapping table (an alarm is `alarm:<kind>`, e.g. alarm:sos), applied to the driver's
// orders on the road.
import { z } from 'zod';
import { KNOTS_TO_KMH, type GpsFix } from '../gps/gps-fix';
import { parseIsoTime } from '../gps/wire-time';
import type { AdapterResult } from './courier-event';

const traccarSchema = z.object({
  event: z.object({
    id: z.number().int().optional(),
    type: z.string().min(1),
    eventTime: z.string().optional(),
    attributes: z.record(z.string(), z.unknown()).nullish(),
  }),
  position: z
    .object({
      fixTime: z.string(),
      valid: z.boolean().optional(),
      latitude: z.number(),
      longitude: z.number(),
      altitude: z.number().nullish(),
      speed: z.number().nullish(),
      course: z.number().nullish(),
      accuracy: z.number().nullish(),
      attributes: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
  device: z.object({ uniqueId: z.union([z.string(), z.number()]).transform((v) => String(v).trim()), name: z.string().nullish() }),
});

export function adaptTraccar(body: unknown): AdapterResult {
  const r = traccarSchema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { kind: 'invalid', message: `not a Traccar event: "${issue?.path.join('.') ?? ''}" ${issue?.message ?? ''}` };
  }
  const { event, position, device } = r.data;
  if (device.uniqueId === '') return { kind: 'invalid', message: 'device.uniqueId is empty' };
  const timeText = event.eventTime ?? position?.fixTime;
  const at = timeText === undefined ? null : parseIsoTime(timeText);
  if (at === null) return { kind: 'invalid', message: `event time "${timeText ?? ''}" is missing or not ISO 8601` };
  const alarm = event.attributes?.['alarm'];
  const code = event.type === 'alarm' && typeof alarm === 'string' ? `alarm:${alarm}` : event.type;
  return {
    kind: 'event',
    event: {
      eventId: event.id !== undefined ? String(event.id) : `${device.uniqueId}:${code}:${at}`,
      orderNumber: null,
      trackingNumber: null,
      deviceId: device.uniqueId,
      code,
      at,
      reasonCode: null,
      note: device.name ?? null,
      direct: null,
      position: position == null ? null : toFix(device.uniqueId, position),
    },
  };
}

type TraccarPosition = NonNullable<z.infer<typeof traccarSchema>['position']>;

function toFix(deviceId: string, p: TraccarPosition): GpsFix | null {
  const fixAt = parseIsoTime(p.fixTime);
  if (fixAt === null) return null;
  const batt = p.attributes?.['batteryLevel'];
  const motion = p.attributes?.['motion'];
  return {
    deviceId,
    fixAt,
    lat: p.latitude,
    lon: p.longitude,
    speedKmh: p.speed == null ? null : p.speed * KNOTS_TO_KMH, // Traccar's speed unit is knots
    headingDeg: p.course ?? null,
    altitudeM: p.altitude ?? null,
    accuracyM: p.accuracy ?? null,
    battery: typeof batt === 'number' ? batt : null,
    charging: null,
    moving: typeof motion === 'boolean' ? motion : null,
    valid: p.valid ?? true,
  };
}
