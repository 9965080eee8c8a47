// Keeps the fleet's learned speeds up to date: every run reads the legs driven in the last
// days (in_transit -> arrived or delivered, from the order timeline) with their GPS tracks,
// learns approach speeds per city and hour (shared/eta) and writes the buckets that changed to
// speed_profiles, a synced table, so every desktop predicts with the same figures.
import type Database from 'better-sqlite3';
import { FLEET_LOCATOR, learnSpeeds, SpeedTable, type CityLocator, type LearnLeg, type SpeedBucket, type TrackPoint } from '../../shared/eta';
import type { SpeedProfileRow } from '../../shared/schema';
import type { SyncEngine } from '../sync/sync-engine';

export interface SpeedLearnerOptions {
  /** How far back legs are read. Default 14 days. */
  windowDays?: number;
  locator?: CityLocator;
}

interface LegRecord {
  driver_id: string;
  start: number;
  end: number | null;
  lat: number;
  lon: number;
}

export class SpeedLearner {
  private readonly legs: Database.Statement<[number], LegRecord>;
  private readonly track: Database.Statement<[string, number, number], TrackPoint>;
  private readonly profiles: Database.Statement<[], Record<string, unknown>>;
  private cached: SpeedTable | null = null;
  private readonly locator: CityLocator;
  private readonly windowMs: number;
  lastRun: { at: number; legs: number; buckets: number; changed: number } | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly engine: SyncEngine,
    private readonly clock: () => number,
    opts: SpeedLearnerOptions = {},
  ) {
    this.locator = opts.locator ?? FLEET_LOCATOR;
    this.windowMs = (opts.windowDays ?? 14) * 86_400_000;
    // A leg: the order went on the road with a driver, until the driver arrived (geofence) or
    // the order was delivered or became a problem, whichever came first.
    this.legs = sqlite.prepare(`
      SELECT COALESCE(e.driver_id, o.driver_id) AS driver_id, e.at AS start, o.delivery_lat AS lat, o.delivery_lon AS lon,
        (SELECT min(x.at) FROM order_events x WHERE x.order_id = e.order_id AND x.at >= e.at
           AND ((x.kind = 'sub_mark' AND x.sub_mark = 'arrived') OR (x.kind = 'status' AND x.to_status IN ('delivered', 'problem')))) AS "end"
      FROM order_events e JOIN orders o ON o.id = e.order_id
      WHERE e.kind = 'status' AND e.to_status = 'in_transit' AND e.at >= ? AND COALESCE(e.driver_id, o.driver_id) IS NOT NULL`);
    this.track = sqlite.prepare('SELECT fix_at AS fixAt, lat, lon FROM driver_tracks WHERE driver_id = ? AND fix_at BETWEEN ? AND ? ORDER BY fix_at');
    this.profiles = sqlite.prepare('SELECT * FROM speed_profiles');
  }

  /** Learns from the window and writes changed buckets; returns how many changed. */
  run(): number {
    const now = this.clock();
    const records = this.legs.all(now - this.windowMs).filter((r) => r.end !== null && r.end > r.start);
    const legs = (function* (track: SpeedLearner['track']): Generator<LearnLeg> {
      for (const r of records) yield { destination: { lat: r.lat, lon: r.lon }, points: track.all(r.driver_id, r.start, r.end as number) };
    })(this.track);
    const buckets = learnSpeeds(legs, this.locator);
    const current = new Map(this.rows().map((r) => [r.id, r]));
    const changed = buckets.filter((b) => {
      const old = current.get(bucketId(b));
      return old === undefined || old.kmh !== b.kmh || old.seconds !== b.seconds;
    });
    if (changed.length > 0) {
      this.engine.writeRows((tx) => {
        for (const b of changed) tx.put('speed_profiles', { id: bucketId(b), city: b.city, hour: b.hour, kmh: b.kmh, seconds: b.seconds, updatedAt: now });
      });
    }
    this.cached = null;
    this.lastRun = { at: now, legs: records.length, buckets: buckets.length, changed: changed.length };
    return changed.length;
  }

  /** The learned speeds as stored (what desktops have too). */
  table(): SpeedTable {
    this.cached ??= new SpeedTable(this.rows());
    return this.cached;
  }

  private rows(): SpeedProfileRow[] {
    return this.profiles.all().map((r) => this.engine.tables.speed_profiles.codec.fromRecord(r) as SpeedProfileRow);
  }
}

export function bucketId(b: Pick<SpeedBucket, 'city' | 'hour'>): string {
  return `${b.city}|${b.hour}`;
}
