// Clustering for the map's order points: a supercluster index. Zoomed out, a city
// of 20,000 orders becomes a few hundred circles with counts; zoomed in past `maxZoom`, every
// point draws itself. Indexes are rebuilt when the data changes, not on every frame.
import Supercluster from 'supercluster';
import type { OrderPoints } from '../../../../shared/api/orders-api';
import type { OrderStatus } from '../../../../shared/domain/vocabulary';

export interface OrderPointProps {
  id: string;
  number: string;
  status: OrderStatus;
  slaDeadline: number | null;
}

export type Bounds = [west: number, south: number, east: number, north: number];

/** A drawable item: one point or a cluster of many. */
export type ClusterItem<P> =
  | { cluster: true; lat: number; lon: number; count: number; clusterId: number }
  | { cluster: false; lat: number; lon: number; props: P };

/** Past this zoom order points are drawn one by one (a district at 14). Drivers move every
 * second, so they are clustered at draw time instead (grid-clusters.ts). */
export const ORDER_CLUSTER_MAX_ZOOM = 13;

export function buildOrderIndex(points: OrderPoints): Supercluster<OrderPointProps> {
  const features: Supercluster.PointFeature<OrderPointProps>[] = [];
  for (let i = 0; i < points.ids.length; i++) {
    const lat = points.delivery[2 * i];
    const lon = points.delivery[2 * i + 1];
    if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        id: points.ids[i] ?? '',
        number: points.numbers[i] ?? '',
        status: points.statuses[i] ?? 'new',
        slaDeadline: points.slaDeadlines[i] ?? null,
      },
    });
  }
  return new Supercluster<OrderPointProps>({ radius: 80, maxZoom: ORDER_CLUSTER_MAX_ZOOM, minPoints: 3 }).load(features);
}

export function clustersIn<P extends object>(index: Supercluster<P>, bounds: Bounds, zoom: number): ClusterItem<P>[] {
  return index.getClusters(bounds, Math.round(zoom)).map((f) => {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const props = f.properties as P | Supercluster.ClusterProperties;
    if ('cluster' in props && props.cluster) {
      return { cluster: true as const, lat, lon, count: props.point_count, clusterId: props.cluster_id };
    }
    return { cluster: false as const, lat, lon, props: props as P };
  });
}

/** The zoom at which a clicked cluster falls apart (capped so a click never zooms absurdly far). */
export function expansionZoom<P extends object>(index: Supercluster<P>, clusterId: number, maxZoom = 17): number {
  try {
    return Math.min(index.getClusterExpansionZoom(clusterId), maxZoom);
  } catch {
    return maxZoom; // the index was rebuilt since the draw: just zoom in
  }
}
