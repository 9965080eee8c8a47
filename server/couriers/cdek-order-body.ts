// Our order as a CDEK order registration body (API v2 POST /v2/orders). Our order number goes
// in `number`, so CDEK's webhooks name it in attributes.number and find the order directly.
import type { OrderRow } from '../../shared/schema';
import type { CourierApiConfig } from './courier-config';

/** What a shipment request needs of the order. */
export type ShipmentOrder = Pick<
  OrderRow,
  | 'number' | 'customerName' | 'customerPhone' | 'customerEmail' | 'deliveryAddress' | 'deliveryCity' | 'deliveryLat' | 'deliveryLon'
  | 'pickupAddress' | 'pickupLat' | 'pickupLon' | 'cargoDescription' | 'weightKg' | 'volumeM3'
>;

export function cdekOrderBody(order: ShipmentOrder, api: CourierApiConfig): Record<string, unknown> {
  // CDEK wants grams and centimetres; a volume becomes a cube of that volume.
  const weightG = Math.max(1, Math.round(order.weightKg * 1000));
  const side = Math.max(1, Math.round(Math.cbrt(Math.max(order.volumeM3, 0)) * 100));
  const body: Record<string, unknown> = {
    type: api.orderType,
    number: order.number,
    tariff_code: api.tariffCode,
    comment: order.cargoDescription.slice(0, 255),
    recipient: {
      name: order.customerName.slice(0, 255),
      phones: [{ number: order.customerPhone }],
      ...(order.customerEmail === null ? {} : { email: order.customerEmail }),
    },
    to_location: { address: order.deliveryAddress.slice(0, 255), city: order.deliveryCity, latitude: order.deliveryLat, longitude: order.deliveryLon },
    packages: [{ number: `${order.number}-1`, weight: weightG, length: side, width: side, height: side, comment: order.cargoDescription.slice(0, 255) || order.number }],
  };
  if (api.shipmentPoint !== undefined) body['shipment_point'] = api.shipmentPoint;
  else body['from_location'] = { address: order.pickupAddress.slice(0, 255), latitude: order.pickupLat, longitude: order.pickupLon };
  if (api.sender !== undefined) body['sender'] = { company: api.sender.company, name: api.sender.name, phones: [{ number: api.sender.phone }] };
  return body;
}
