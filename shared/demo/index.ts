// Public entry of the demo data generator (server --demo, the desktop's demo-data CLI, benchmarks).
export { generateDemoData, demoDataStreams, type DemoData, type DemoReferenceData, type DemoStreams } from './generate-demo-data';
export { resolveDemoOptions, DEMO_DEFAULTS, DEMO_LIMITS, type DemoOptions, type ResolvedDemoOptions } from './demo-options';
export {
  DEMO_REGION_IDS, DEMO_USER_SPECS, DEMO_WAREHOUSE_SPECS,
  type DemoCustomer, type DemoDriver, type DemoRegion, type DemoUser, type DemoUserSpec, type DemoWarehouse,
} from './generate-reference';
export { FIRST_ORDER_NUMBER, type DemoOrder, type DemoOrderEvent, type DemoOrderRow } from './generate-orders';
export {
  type DemoCarrier, type DemoCarrierDeal, type DemoCarrierLane, type DemoCarrierOffer, type DemoCarrierRow, type DemoCarrierVehicle,
} from './generate-carriers';
export { KZ_CITIES, LANE_CITIES, type City, type District, type LaneCity } from './kz-geography';
