import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { MANAGER_ROLES } from '#platform/auth';
import { SalesChannel, toPayload } from '#platform/graphql';
import type { ProductsContext } from '../context';
import { ProductCreateInput, ProductUpdateInput } from '../inputs/product.input';
import {
  ProductArchivePayload,
  ProductCreatePayload,
  ProductPublishPayload,
  ProductUnpublishPayload,
  ProductUpdatePayload,
} from '../payloads';
import { archiveProduct, createProduct, setProductChannels, updateProduct } from '../services/product.service';

/** Catalog management: managers and admins. */
@Resolver()
export class ProductAdminResolver {
  @Authorized(MANAGER_ROLES)
  @Mutation(() => ProductCreatePayload, { description: 'Creates a product with its variants (DRAFT unless a status is given).' })
  async productCreate(
    @Ctx() ctx: ProductsContext,
    @Arg('input', () => ProductCreateInput, { description: 'The new product with its options and variants.' }) input: ProductCreateInput,
  ) {
    return toPayload(await createProduct(ctx, input), (product) => ({ product }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => ProductUpdatePayload, { description: 'Changes a product; omitted fields stay as they are.' })
  async productUpdate(
    @Ctx() ctx: ProductsContext,
    @Arg('id', () => ID, { description: 'The product to change.' }) id: string,
    @Arg('input', () => ProductUpdateInput, { description: 'The fields to change; omitted fields stay.' }) input: ProductUpdateInput,
  ) {
    return toPayload(await updateProduct(ctx, id, input), (product) => ({ product }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => ProductArchivePayload, { description: 'Archives a product: off every list, still resolvable for past orders.' })
  async productArchive(@Ctx() ctx: ProductsContext, @Arg('id', () => ID, { description: 'The product to archive.' }) id: string) {
    return toPayload(await archiveProduct(ctx, id), (product) => ({ product }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => ProductPublishPayload, { description: 'Publishes a product to more sales channels.' })
  async productPublish(
    @Ctx() ctx: ProductsContext,
    @Arg('id', () => ID, { description: 'The product.' }) id: string,
    @Arg('channels', () => [SalesChannel], { description: 'Channels to add.' }) channels: SalesChannel[],
  ) {
    return toPayload(await setProductChannels(ctx, id, channels, true), (product) => ({ product }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => ProductUnpublishPayload, { description: 'Withdraws a product from sales channels.' })
  async productUnpublish(
    @Ctx() ctx: ProductsContext,
    @Arg('id', () => ID, { description: 'The product.' }) id: string,
    @Arg('channels', () => [SalesChannel], { description: 'Channels to remove.' }) channels: SalesChannel[],
  ) {
    return toPayload(await setProductChannels(ctx, id, channels, false), (product) => ({ product }));
  }
}
