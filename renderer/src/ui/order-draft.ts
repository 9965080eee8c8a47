// The order's fields as a form holds them (text as typed), the same in every form that writes an
// order: the new-order form's draft extends it, the card's edit dialog edits exactly these.
import { HAZARD_CLASSES, type HazardClass } from '../../../shared/domain/order-intake';

export interface OrderFieldsDraft {
  customerName: string;
  customerPhone: string;
  customerEmail: string;
  deliveryAddress: string;
  deliveryCity: string;
  deliveryLat: string;
  deliveryLon: string;
  /** yyyy-mm-dd in the region's time, '' = no window chosen. */
  windowDay: string;
  /** Minutes after the region's midnight. */
  windowFrom: number;
  windowTo: number;
  cargoDescription: string;
  weightKg: string;
  volumeM3: string;
  places: string;
  fragile: boolean;
  refrigerated: boolean;
  hazardClass: HazardClass | '';
}

/** A stored or chosen hazard class, or null for "not hazardous" (and anything we do not know). */
export function hazardClassOf(value: string | null): HazardClass | null {
  return (HAZARD_CLASSES as readonly (string | null)[]).includes(value) ? (value as HazardClass) : null;
}
