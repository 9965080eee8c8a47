// The locator the fleet's speeds are learned and looked up with: the nearest Kazakh city
// (within 60 km) and Kazakhstan's single offset. One definition, so the server that learns and
// the desktop that predicts put a point in the same bucket.
import { CITY_COORDINATES } from '../carriers/city-coordinates';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../messages/customer-words';
import { nearestCityLocator, type CityLocator } from './speed-profile';

export const FLEET_LOCATOR: CityLocator = nearestCityLocator(CITY_COORDINATES, DEFAULT_UTC_OFFSET_MINUTES);
