import { Arg, Authorized, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { Role } from '#platform/auth';
import { SalesChannel } from '#platform/graphql';
import type { ProductsContext } from '../context';
import type { PricingVariant } from '../contract/commands';
import { variantsForPricing } from '../services/pricing.service';
import { PricingVariantType } from '../types/pricing-variant.type';

/** The catalog as other subgraphs read it to price a cart: the contract's VariantsForPricing. */
@Resolver()
export class PricingResolver {
  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Query(() => [PricingVariantType], {
    description: 'The variants known among these SKUs and barcodes, with what pricing a cart needs; unknown ones are absent.',
  })
  variantsForPricing(
    @Ctx() ctx: ProductsContext,
    @Arg('skus', () => [String]) skus: string[],
    @Arg('barcodes', () => [String], { nullable: true }) barcodes?: string[] | null,
    @Arg('channel', () => SalesChannel, { nullable: true }) channel?: SalesChannel | null,
  ): Promise<PricingVariant[]> {
    return variantsForPricing(ctx, { skus, barcodes, channel });
  }
}
