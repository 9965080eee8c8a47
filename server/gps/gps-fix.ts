// One GPS fix as the ingest pipeline sees it, after decoding whichever wire format the phone
// used (OsmAnd query/form parameters or Traccar Client's JSON). Units are ours, not the
// wire's: km/h, degrees, metres, percent, Unix milliseconds (UTC).

export interface GpsFix {
  deviceId: string;
  /** When the phone took the fix (its clock), ms. */
  fixAt: number;
  lat: number;
  lon: number;
  speedKmh: number | null;
  headingDeg: number | null;
  altitudeM: number | null;
  /**
   * Horizontal accuracy in metres. Traccar Client sends 0 for a fix from the GPS provider
   * (it only reports accuracy for network fixes); null means not sent at all.
   */
  accuracyM: number | null;
  /** Battery level, percent 0-100. */
  battery: number | null;
  charging: boolean | null;
  moving: boolean | null;
  /** The phone's own "this fix is valid" flag (OsmAnd `valid`); absent means valid. */
  valid: boolean;
}

export const KNOTS_TO_KMH = 1.852;
export const MPS_TO_KMH = 3.6;

/**
 * Longest device id accepted. Ids arrive unauthenticated: 2,000 unknown 7 KB ids once grew the
 * database by 14 MB in 6 s. `device bind --new` issues 32-character ids. Defined in shared/api
 * because the admin's device view checks the same limit before a bind leaves the desktop.
 */
export { MAX_DEVICE_ID_CHARS } from '../../shared/api/admin-api';
