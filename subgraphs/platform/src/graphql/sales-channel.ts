import { registerEnumType } from 'type-graphql';

/**
 * The channels a retailer sells through. Shared vocabulary of the whole API (products are
 * published to channels, orders come from one, promotions target some), so it lives here
 * once and every subgraph declares the identical enum.
 */
export enum SalesChannel {
  WEB = 'WEB',
  APP = 'APP',
  POS = 'POS',
  KIOSK = 'KIOSK',
  MARKETPLACE = 'MARKETPLACE',
  SOCIAL = 'SOCIAL',
}

registerEnumType(SalesChannel, {
  name: 'SalesChannel',
  description: 'A channel the retailer sells through.',
  valuesConfig: {
    APP: { description: 'The mobile app.' },
    KIOSK: { description: 'An in-store self-service kiosk.' },
    MARKETPLACE: { description: 'A third-party marketplace.' },
    POS: { description: 'A point-of-sale terminal (till) in a store.' },
    SOCIAL: { description: 'A social-media shop.' },
    WEB: { description: 'The web store.' },
  },
});
