import { registerEnumType } from 'type-graphql';
import { ProductStatus, TaxClass } from '../contract/enums';

// Declared in the contract, which other subgraphs read; registered with GraphQL here.
export { ProductStatus, TaxClass };

registerEnumType(ProductStatus, {
  name: 'ProductStatus',
  description: 'DRAFT is being prepared, ACTIVE is for sale on its channels, ARCHIVED is kept for history only.',
  valuesConfig: {
    ACTIVE: { description: 'Published and sellable on its channels.' },
    ARCHIVED: { description: 'No longer sold; still resolvable for past orders.' },
    DRAFT: { description: 'Being prepared: visible to staff only, not sellable.' },
  },
});

registerEnumType(TaxClass, {
  name: 'TaxClass',
  description:
    'The tax rate class a product is sold at: STANDARD, REDUCED (e.g. food, books, some repairs) or ZERO; the rate is the jurisdiction’s.',
  valuesConfig: {
    REDUCED: { description: 'The reduced rate (7 % in Germany), e.g. for books and food.' },
    STANDARD: { description: 'The standard rate of the destination (19 % in Germany).' },
    ZERO: { description: 'Not taxed.' },
  },
});
