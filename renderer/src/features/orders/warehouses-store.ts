// Warehouses: reference data for the queue's filter and the card. Small and rarely changing.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/client';

export interface WarehouseOption {
  id: string;
  name: string;
  city: string;
}

export const useWarehousesStore = create<{ warehouses: WarehouseOption[]; error: string | null }>(() => ({
  warehouses: [],
  error: null,
}));

export async function loadWarehouses(): Promise<void> {
  try {
    const warehouses = await api().listWarehouses();
    useWarehousesStore.setState({ warehouses, error: null });
  } catch (err) {
    useWarehousesStore.setState({ error: errorMessage(err) });
  }
}
