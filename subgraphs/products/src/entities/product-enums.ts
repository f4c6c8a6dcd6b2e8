import { registerEnumType } from 'type-graphql';
import { ProductStatus, TaxClass } from '../contract/enums';

// Declared in the contract, which other subgraphs read; registered with GraphQL here.
export { ProductStatus, TaxClass };

registerEnumType(ProductStatus, {
  name: 'ProductStatus',
  description: 'DRAFT is being prepared, ACTIVE is for sale on its channels, ARCHIVED is kept for history only.',
});

registerEnumType(TaxClass, {
  name: 'TaxClass',
  description:
    'The tax rate class a product is sold at: STANDARD, REDUCED (e.g. food, books, some repairs) or ZERO; the rate is the jurisdiction’s.',
});
