import type { GraphQLSchema } from 'graphql';
import { roleAuthChecker } from '#platform/auth';
import { buildSubgraphSchema } from '#platform/graphql';
import { CategoryAdminResolver } from './resolvers/category-admin.resolver';
import { CategoryResolver } from './resolvers/category.resolver';
import { ProductAdminResolver } from './resolvers/product-admin.resolver';
import { ProductVariantAdminResolver } from './resolvers/product-variant-admin.resolver';
import { ProductVariantResolver } from './resolvers/product-variant.resolver';
import { ProductResolver } from './resolvers/product.resolver';
import { references } from './resolvers/references';

/** The products subgraph schema: catalog queries, catalog management and entity references. */
export function buildProductsSchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema({
    resolvers: [
      ProductResolver,
      ProductVariantResolver,
      CategoryResolver,
      ProductAdminResolver,
      ProductVariantAdminResolver,
      CategoryAdminResolver,
    ],
    references: references as never,
    authChecker: roleAuthChecker as never,
  });
}
