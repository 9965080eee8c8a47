// "Find a carrier" from an order's card (issue 16): the carrier search filled from the order:
// loading city from the pickup point, unloading city from the delivery, tonnage and volume from
// the cargo, refrigeration and the hazardous-goods class from the cargo.
import type { CarrierFilters } from '../api/carriers-api';
import type { OrderRow } from '../schema';
import { nearestCity } from './city-coordinates';

export type CarrierSearchOrder = Pick<
  OrderRow,
  'pickupLat' | 'pickupLon' | 'deliveryCity' | 'weightKg' | 'volumeM3' | 'refrigerated' | 'hazardClass'
>;

export function carrierSearchFromOrder(order: CarrierSearchOrder, warehouseCity: string | null = null): CarrierFilters {
  const fromCity = nearestCity({ lat: order.pickupLat, lon: order.pickupLon }) ?? warehouseCity;
  const f: CarrierFilters = { toCity: order.deliveryCity };
  if (fromCity !== null) f.fromCity = fromCity;
  // Tonnage in tonnes, rounded up to the next 0.1 t so a 1,501 kg load never matches a 1.5 t truck.
  if (order.weightKg > 0) f.minTonnage = Math.ceil(order.weightKg / 100) / 10;
  if (order.volumeM3 > 0) f.minVolumeM3 = Math.ceil(order.volumeM3 * 10) / 10;
  if (order.refrigerated) f.refrigerated = true;
  if (order.hazardClass !== null) f.adrClass = order.hazardClass;
  return f;
}
