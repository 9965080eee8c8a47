// Predicted arrivals on the server: for the REST API, the tracking page and the messages
// (arriving soon, predicted delay). The driver's live position comes from the GPS module (or
// the drivers row), the stops from the driver's open orders, the speeds from the learner.
import type Database from 'better-sqlite3';
import { FLEET_LOCATOR, predictArrival, stopsThrough, type PredictedArrival } from '../../shared/eta';
import type { DriverRow, OrderRow } from '../../shared/schema';
import type { DriverPositionView } from '../http/rest-api';
import type { AllTableStatements } from '../sync/table-statements';
import type { SpeedLearner } from './speed-learner';

const OPEN_FOR_PREDICTION = new Set(['confirmed', 'at_warehouse', 'in_transit']);

export class ArrivalService {
  private readonly driverOrders: Database.Statement<[string], Record<string, unknown>>;

  constructor(
    sqlite: Database.Database,
    private readonly tables: AllTableStatements,
    private readonly learner: SpeedLearner,
    private readonly positionOf: (driver: DriverRow) => DriverPositionView | null,
  ) {
    this.driverOrders = sqlite.prepare("SELECT * FROM orders WHERE driver_id = ? AND status IN ('confirmed', 'at_warehouse', 'in_transit')");
  }

  /** The driver's position as the prediction saw it, for the tracking page's map. */
  driverPosition(driverId: string): DriverPositionView | null {
    const record = this.tables.drivers.getById.get(driverId);
    if (record === undefined) return null;
    return this.positionOf(this.tables.drivers.codec.fromRecord(record) as DriverRow);
  }

  predict(order: OrderRow, now: number): PredictedArrival | null {
    if (order.driverId === null || !OPEN_FOR_PREDICTION.has(order.status)) return null;
    const position = this.driverPosition(order.driverId);
    if (position === null) return null;
    const orders = this.driverOrders.all(order.driverId).map((r) => this.tables.orders.codec.fromRecord(r) as OrderRow);
    const stops = stopsThrough(orders, order.id);
    if (stops === null) return null;
    return predictArrival({ now, driver: position, stops, speeds: this.learner.table(), locator: FLEET_LOCATOR });
  }
}
