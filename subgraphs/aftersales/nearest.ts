import type { Selectable } from "kysely";
import type { CitiesTable, ServiceCentersTable } from "./db/tables";

type Center = Selectable<ServiceCentersTable>;

/** "南京市" and "南京", "Nanjing" and "nanjing" name the same city. */
export function sameCity(typed: string, name: string, nameLatin: string): boolean {
  const chinese = typed.replace(/市$/u, "");
  return chinese === name.replace(/市$/u, "") || typed.toLowerCase() === nameLatin.toLowerCase();
}

/** Great-circle distance in km. */
function distanceKm(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * Same city first (the story's "nearest service center" is the one in the customer's city);
 * otherwise the closest by distance from the city's centre, when we know where the city is.
 */
export function pickNearest(centers: Center[], typedCity: string, city: Selectable<CitiesTable> | undefined): Center | null {
  const ordered = [...centers].sort((a, b) => a.id.localeCompare(b.id));
  const local = ordered.find((center) => sameCity(typedCity, center.city, center.city_latin));
  if (local) return local;
  if (!city) return null;
  let best: Center | null = null;
  let bestKm = Infinity;
  for (const center of ordered) {
    if (center.lat === null || center.lng === null) continue;
    const km = distanceKm(Number(city.lat), Number(city.lng), Number(center.lat), Number(center.lng));
    if (km < bestKm) [best, bestKm] = [center, km];
  }
  return best;
}
