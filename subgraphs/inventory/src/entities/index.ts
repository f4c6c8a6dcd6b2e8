import { Location } from './location.entity';

export { Location };
export { LocationType } from './location-type';

export const entities = [Location];
