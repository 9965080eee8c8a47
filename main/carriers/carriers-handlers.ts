// The carrier database's API handlers, for createApi's `carrierHandlers` (main/api/create-api.ts):
// queries read the replica; every edit is the sync mutation of the same name, so all
// logisticians see it; the import wizard keeps its file between steps in this context object.
import type { ApiHandlers, CarrierMethodName } from '../../shared/api/contract';
import type { CommandResult } from '../../shared/api/define';
import { importStep, importStepAsync } from '../api/import-step';
import type { HandlerContext } from '../api/handler-context';
import { carrierCard } from './carrier-card';
import { carrierCitiesCache } from './carrier-cities';
import { countCarriers } from './count-carriers';
import { exportCarriers } from './export/export-carriers';
import { createImportSession } from './import/import-session';
import { resolveDirection, searchCarriers, type SearchContext } from './search-carriers';

export type CarrierHandlers = Pick<ApiHandlers, CarrierMethodName>;

export function carriersHandlers(ctx: HandlerContext): CarrierHandlers {
  const knownCities = carrierCitiesCache(ctx.replica, ctx.now);
  const search: SearchContext = { replica: ctx.replica, knownCities };
  const imports = createImportSession({
    replica: ctx.replica,
    knownCities,
    mutate: (name, args) => ctx.mutate(name, args),
  });
  const mutate = ctx.mutate;
  return {
    searchCarriers: (a) => searchCarriers(search, a),
    countCarriers: (a) => countCarriers(ctx.replica, resolveDirection(a, knownCities()), a),
    carrierCities: () => [...knownCities()],
    getCarrier: (a) => carrierCard(ctx.replica, a.carrierId),

    createCarrier: (a): Promise<CommandResult> => mutate('createCarrier', a),
    editCarrier: (a) => mutate('editCarrier', a),
    setCarrierSecurityCheck: (a) => mutate('setCarrierSecurityCheck', a),
    setCarrierBlacklisted: (a) => mutate('setCarrierBlacklisted', a),
    addCarrierVehicle: (a) => mutate('addCarrierVehicle', a),
    editCarrierVehicle: (a) => mutate('editCarrierVehicle', a),
    removeCarrierVehicle: (a) => mutate('removeCarrierVehicle', a),
    addCarrierLane: (a) => mutate('addCarrierLane', a),
    removeCarrierLane: (a) => mutate('removeCarrierLane', a),
    addCarrierOffer: (a) => mutate('addCarrierOffer', a),
    recordCarrierDeal: (a) => mutate('recordCarrierDeal', a),

    readCarrierImportFile: (a) => importStepAsync(() => imports.readFile(a.fileName, a.dataBase64)),
    previewCarrierImport: (a) => importStep(() => imports.preview(a.importId, a.mapping)),
    commitCarrierImport: (a) => importStepAsync(() => imports.commit(a.importId, a.mapping, a.duplicates)),
    exportCarriers: ({ language, ...filters }) => exportCarriers(search, filters, language, ctx.now()),
  };
}
