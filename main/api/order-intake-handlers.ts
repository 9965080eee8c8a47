// The new-order form's side in main: customer lookup, address suggestions, and createOrder,
// which checks what a person typed (shared/domain/new-order-check), takes the region from the
// warehouse, and runs the createOrder mutator like every other command.
import type { ApiHandlers } from '../../shared/api/contract';
import type { CommandResultWith } from '../../shared/api/define';
import type { NewOrderRequest } from '../../shared/api/order-intake-api';
import { nearest } from '../../shared/domain/geo';
import { checkNewOrder } from '../../shared/domain/new-order-check';
import { mutationRowId } from '../../shared/mutators/mutator-tx';
import type { ReadonlyReplica } from '../db/open-replica';
import { checklistPolicyViews } from '../db/queries/checklist-policies';
import { lookupCustomers } from '../db/queries/customer-lookup';
import { listWarehouses } from '../db/queries/warehouse-queries';
import { geocode } from '../geocoding/geocode';
import type { NominatimOptions } from '../geocoding/nominatim-client';
import type { SettingsStore } from '../settings/settings-store';
import type { SyncLink } from '../sync/sync-link';
import { createOrderImportSession } from '../order-import/order-import-session';
import { importStepAsync } from './import-step';
import { runCommand } from './order-commands';

type Handlers = Pick<
  ApiHandlers,
  'lookupCustomers' | 'geocode' | 'createOrder' | 'editOrder' | 'correctStatus' | 'undoCorrection' | 'recordPayment' | 'checklistPolicies' | 'setChecklistPolicy' | 'readOrderImportFile' | 'previewOrderImport' | 'commitOrderImport' | 'orderImportProgress'
>;

export function orderIntakeHandlers(deps: {
  replica: ReadonlyReplica;
  settings: SettingsStore;
  link: SyncLink;
  now: () => number;
  nominatim?: Partial<NominatimOptions>;
}): Handlers {
  const { replica } = deps;

  async function createOrder(a: NewOrderRequest): Promise<CommandResultWith<{ orderId: string }>> {
    const problems = checkNewOrder(a, deps.now());
    const first = problems[0];
    if (first !== undefined) {
      return { ok: false, code: 'invalid_request', message: `${first.field}: ${first.problem}`, details: { problems } };
    }
    const all = listWarehouses(replica);
    // A direct pickup (no warehouse) counts SLA in the region of the warehouse nearest the address.
    const wh = a.warehouseId != null ? all.find((w) => w.id === a.warehouseId) : nearest(all, { lat: a.deliveryLat, lon: a.deliveryLon });
    if (wh === undefined) {
      const field = a.warehouseId != null ? 'warehouseId' : 'deliveryCity';
      return { ok: false, code: 'invalid_request', message: `${field}: no warehouse`, details: { problems: [{ field: 'warehouseId', problem: 'required' }] } };
    }
    const sync = deps.link.current();
    if (!sync) return { ok: false, code: 'unavailable', message: 'No server is configured: set the server address and token in Settings' };
    const out = sync.mutate('createOrder', { ...a, regionId: wh.regionId });
    if (!out.ok) return out;
    // The first row createOrder makes is the order: the same id on the server (mutationRowId).
    return { ok: true, mid: out.mid, orderId: mutationRowId(out.clientId, out.mid, 0) };
  }

  const imports = createOrderImportSession({ replica, link: deps.link, now: deps.now });

  return {
    lookupCustomers: (a) => lookupCustomers(replica, a.query),
    geocode: (a) =>
      geocode(a.query, {
        geocoderUrl: deps.settings.get().geocoderUrl,
        ...(a.near ? { near: a.near } : {}),
        ...(deps.nominatim ? { nominatim: deps.nominatim } : {}),
      }),
    createOrder,
    editOrder: (a) => runCommand(deps.link, 'editOrder', a),
    correctStatus: (a) => runCommand(deps.link, 'correctStatus', a),
    undoCorrection: (a) => runCommand(deps.link, 'undoCorrection', a),
    recordPayment: (a) => runCommand(deps.link, 'recordPayment', a),
    checklistPolicies: () => checklistPolicyViews(replica),
    setChecklistPolicy: (a) => runCommand(deps.link, 'setChecklistPolicy', a),
    readOrderImportFile: (a) => importStepAsync(() => imports.readFile(a.fileName, a.dataBase64)),
    previewOrderImport: (a) => importStepAsync(() => imports.preview(a.importId, a.mapping)),
    commitOrderImport: (a) => importStepAsync(() => imports.commit(a.importId, a.mapping)),
    orderImportProgress: (a) => importStepAsync(() => imports.progress(a.batchId)),
  };
}
