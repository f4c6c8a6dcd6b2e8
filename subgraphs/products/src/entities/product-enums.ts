import { registerEnumType } from 'type-graphql';

export enum ProductStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(ProductStatus, {
  name: 'ProductStatus',
  description: 'DRAFT is being prepared, ACTIVE is for sale on its channels, ARCHIVED is kept for history only.',
});
