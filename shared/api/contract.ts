// The renderer <-> main contract: ONE map of method names to {request schema, response type},
// composed from the feature files. Main registers handlers from it (IPC and the local
// WebSocket), the preload and the browser transport build their client object from it; a
// method or channel name is written nowhere else.
import { alertsApi } from './alerts-api';
import { carriersApi } from './carriers-api';
import type { AnyMethodSpec, ParsedRequestOf, RequestOf, ResponseOf } from './define';
import { driversApi } from './drivers-api';
import { driverCardApi } from './driver-card-api';
import { driverPhoneApi } from './driver-phone-api';
import type { EventName, EventPayload } from './events';
import { messagesApi } from './messages-api';
import { ordersApi } from './orders-api';
import { reportsApi } from './reports-api';
import { orderIntakeApi } from './order-intake-api';
import { sessionApi } from './session-api';
import { warehouseApi } from './warehouse-api';
import { handoverApi } from './handover-api';
import { adminApi } from './admin-api';
import { archiveApi } from './archive-api';

export const API_METHODS = {
  ...ordersApi,
  ...driversApi,
  ...sessionApi,
  ...warehouseApi,
  ...carriersApi,
  ...alertsApi,
  ...driverPhoneApi,
  ...messagesApi,
  ...reportsApi,
  ...orderIntakeApi,
  ...handoverApi,
  ...driverCardApi,
  ...archiveApi,
  ...adminApi,
} as const;

// A name defined in two feature files would silently shadow; this makes it a compile error.
type Overlap<A, B> = Extract<keyof A, keyof B>;
type NoOverlap = [
  Overlap<typeof ordersApi, typeof driversApi>,
  Overlap<typeof ordersApi, typeof sessionApi>,
  Overlap<typeof ordersApi, typeof warehouseApi>,
  Overlap<typeof ordersApi, typeof carriersApi>,
  Overlap<typeof driversApi, typeof sessionApi>,
  Overlap<typeof driversApi, typeof warehouseApi>,
  Overlap<typeof driversApi, typeof carriersApi>,
  Overlap<typeof sessionApi, typeof warehouseApi>,
  Overlap<typeof sessionApi, typeof carriersApi>,
  Overlap<typeof warehouseApi, typeof carriersApi>,
  Extract<keyof typeof alertsApi, keyof typeof ordersApi | keyof typeof driversApi | keyof typeof sessionApi | keyof typeof warehouseApi | keyof typeof carriersApi>,
  Extract<keyof typeof driverPhoneApi, keyof typeof ordersApi | keyof typeof driversApi | keyof typeof sessionApi | keyof typeof warehouseApi | keyof typeof carriersApi | keyof typeof alertsApi>,
  Extract<keyof typeof messagesApi, keyof typeof ordersApi | keyof typeof driversApi | keyof typeof sessionApi | keyof typeof warehouseApi | keyof typeof carriersApi | keyof typeof alertsApi | keyof typeof driverPhoneApi>,
  Extract<keyof typeof reportsApi, keyof typeof ordersApi | keyof typeof driversApi | keyof typeof sessionApi | keyof typeof warehouseApi | keyof typeof carriersApi | keyof typeof alertsApi | keyof typeof driverPhoneApi | keyof typeof messagesApi>,
  Extract<keyof typeof orderIntakeApi, keyof typeof ordersApi | keyof typeof driversApi | keyof typeof sessionApi | keyof typeof warehouseApi | keyof typeof carriersApi | keyof typeof alertsApi | keyof typeof driverPhoneApi | keyof typeof messagesApi | keyof typeof reportsApi>,
  Extract<keyof typeof handoverApi, keyof typeof ordersApi | keyof typeof driversApi | keyof typeof sessionApi | keyof typeof warehouseApi | keyof typeof carriersApi | keyof typeof alertsApi | keyof typeof driverPhoneApi | keyof typeof messagesApi | keyof typeof reportsApi | keyof typeof orderIntakeApi>,
  Extract<keyof typeof driverCardApi, keyof typeof ordersApi | keyof typeof driversApi | keyof typeof sessionApi | keyof typeof warehouseApi | keyof typeof carriersApi | keyof typeof alertsApi | keyof typeof driverPhoneApi | keyof typeof messagesApi | keyof typeof reportsApi | keyof typeof orderIntakeApi | keyof typeof handoverApi>,
  Extract<keyof typeof archiveApi, keyof typeof ordersApi | keyof typeof driversApi | keyof typeof sessionApi | keyof typeof warehouseApi | keyof typeof carriersApi | keyof typeof alertsApi | keyof typeof driverPhoneApi | keyof typeof messagesApi | keyof typeof reportsApi | keyof typeof orderIntakeApi | keyof typeof handoverApi | keyof typeof driverCardApi>,
  Extract<keyof typeof adminApi, keyof typeof ordersApi | keyof typeof driversApi | keyof typeof sessionApi | keyof typeof warehouseApi | keyof typeof carriersApi | keyof typeof alertsApi | keyof typeof driverPhoneApi | keyof typeof messagesApi | keyof typeof reportsApi | keyof typeof orderIntakeApi | keyof typeof handoverApi | keyof typeof driverCardApi | keyof typeof archiveApi>,
];
const _noOverlap: NoOverlap extends never[] ? true : false = true;
void _noOverlap;

export type ApiMethods = typeof API_METHODS;
export type MethodName = keyof ApiMethods;
export const METHOD_NAMES = Object.keys(API_METHODS) as MethodName[];

export type ApiRequest<K extends MethodName> = RequestOf<ApiMethods[K]>;
/** The request after the schema's defaults are applied: what handlers receive. */
export type ApiParsedRequest<K extends MethodName> = ParsedRequestOf<ApiMethods[K]>;
export type ApiResponse<K extends MethodName> = ResponseOf<ApiMethods[K]>;

/** Methods whose arguments may be left out. */
type MethodFn<K extends MethodName> =
  undefined extends ApiRequest<K>
    ? (args?: ApiRequest<K>) => Promise<ApiResponse<K>>
    : (args: ApiRequest<K>) => Promise<ApiResponse<K>>;

/**
 * What the renderer holds: `window.marshrut` in Electron (the preload), or the WebSocket
 * transport in the browser host. Same object either way.
 */
export type MarshrutApi = { [K in MethodName]: MethodFn<K> } & {
  /** Subscribe; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Main-side implementation: one async function per method, given parsed arguments. */
export type ApiHandlers = {
  [K in MethodName]: (args: ApiParsedRequest<K>) => Promise<ApiResponse<K>> | ApiResponse<K>;
};

export type { AnyMethodSpec };
export * from './define';
export * from './events';
export * from './orders-api';
export * from './drivers-api';
export * from './session-api';
export * from './warehouse-api';
export * from './carriers-api';
export * from './alerts-api';
export * from './driver-phone-api';
export * from './reports-api';
export * from './order-intake-api';
export * from './handover-api';
export * from './driver-card-api';
export * from './admin-api';

/** The carrier database's methods (engineer F's part of the map); main/carriers implements them. */
export type CarrierMethodName = keyof typeof carriersApi;
