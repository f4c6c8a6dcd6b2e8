import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '#platform/graphql';
import { productsUserErrorCodes } from './errors';
import type { ProductsContext } from './context';
import { CategoryAdminResolver } from './resolvers/category-admin.resolver';
import { CategoryResolver } from './resolvers/category.resolver';
import { PricingResolver } from './resolvers/pricing.resolver';
import { ProductAdminResolver } from './resolvers/product-admin.resolver';
import { ProductVariantAdminResolver } from './resolvers/product-variant-admin.resolver';
import { ProductVariantResolver } from './resolvers/product-variant.resolver';
import { ProductResolver } from './resolvers/product.resolver';
import { references } from './resolvers/references';
import { ImageIdResolver } from './resolvers/client-ids.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { nodeReferences } from './types/node-references';

/** The products subgraph schema: catalog queries, catalog management and entity references. */
export function buildProductsSchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema<ProductsContext>({
    resolvers: [
      ProductResolver,
      ProductVariantResolver,
      CategoryResolver,
      ProductAdminResolver,
      ProductVariantAdminResolver,
      CategoryAdminResolver,
      PricingResolver,
      ImageIdResolver,
      NodeResolver,
    ],
    // Other subgraphs' entities that `node(id:)` answers with a reference.
    orphanedTypes: nodeReferences,
    references,
    userErrorCodes: productsUserErrorCodes,
  });
}
