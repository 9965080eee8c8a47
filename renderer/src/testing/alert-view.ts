// One alert as the Alerts tab receives it (shared/api/alerts-api.ts), for render tests: an open,
// unacknowledged alert on an order, addressed to nobody, so each test states only what it is about.
import type { AlertView } from '../../../shared/api/alerts-api';

export function testAlertView(patch: Partial<AlertView> & Pick<AlertView, 'id' | 'kind' | 'dueAt' | 'triggeredAt'>): AlertView {
  return {
    orderId: 'o-FR-1',
    orderNumber: 'FR-1',
    warehouseId: null,
    warehouseName: null,
    orderStatus: 'confirmed',
    state: 'open',
    audience: 'dispatcher',
    assigneeId: null,
    assigneeName: null,
    mine: false,
    priority: false,
    customerName: 'ТОО Ромашка',
    messageRu: '',
    messageEn: '',
    tasks: [],
    acknowledgedAt: null,
    acknowledgedByName: null,
    resolvedAt: null,
    resolution: null,
    pending: false,
    deliveries: [],
    ...patch,
  };
}
