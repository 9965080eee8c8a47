// Where a click on a notice goes: the order's card, or for a warehouse alert (nobody started
// the day) the console's drivers panel narrowed to that warehouse.
import { openWarehouseDrivers } from '../drivers/store';
import { openOrder } from '../order-card/store';
import type { NoticeTarget } from './store';

export function openNoticeTarget(target: NoticeTarget): void {
  if (target.orderId !== null) void openOrder(target.orderId);
  else if (target.warehouseId !== null) openWarehouseDrivers(target.warehouseId, target.number);
}
