import { ObjectType } from 'type-graphql';
import { Connection } from '#platform/graphql';
import { Category, Product, ProductVariant } from '../entities';

@ObjectType({ description: 'A page of products.' })
export class ProductConnection extends Connection(Product) {}

@ObjectType({ description: 'A page of product variants.' })
export class ProductVariantConnection extends Connection(ProductVariant) {}

@ObjectType({ description: 'A page of categories.' })
export class CategoryConnection extends Connection(Category) {}
