import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toPayload } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { Cart } from '../entities';
import { CartBuyerIdentityInput, CartCreateInput, CartDeliveryInput, CartLineInput, CartLineUpdateInput } from '../inputs/cart.input';
import {
  CartBuyerIdentityUpdatePayload,
  CartCreatePayload,
  CartDeliveryUpdatePayload,
  CartDiscountCodesUpdatePayload,
  CartLinesAddPayload,
  CartLinesRemovePayload,
  CartLinesUpdatePayload,
  CartNoteUpdatePayload,
} from '../payloads/cart.payloads';
import { findCart } from '../services/cart-access';
import { updateCartDelivery } from '../services/cart-delivery.service';
import { recommendForCart } from '../services/cart-recommendations.service';
import { cartPricing } from '../services/cart-pricing.service';
import { costView, cartLines, deliveryView, optionView } from '../services/cart-view';
import {
  addCartLines,
  createCart,
  removeCartLines,
  updateCartBuyer,
  updateCartCodes,
  updateCartLines,
  updateCartNote,
} from '../services/cart.service';
import {
  CartBuyerIdentity,
  CartCost,
  CartDelivery,
  CartDiscountCode,
  CartLineConnection,
  CartWarning,
  DeliveryOption,
} from '../types/cart.types';
import type { CartWarningCode } from '../types/cart.types';
import { ProductReference } from '../types/reports.types';

const withCart = (cart: Cart) => ({ cart });

@Resolver(() => Cart)
export class CartResolver {
  @Query(() => Cart, {
    nullable: true,
    description: "A cart by its id, from any device or channel; null for an unknown id or another customer's cart.",
  })
  cart(@Ctx() ctx: OrdersContext, @Arg('id', () => ID, { description: "The cart's id." }) id: string): Promise<Cart | null> {
    return findCart(ctx, id);
  }

  @Mutation(() => CartCreatePayload, {
    description: 'Starts a cart; a signed-in customer who has one gets it back with these lines added, on this channel.',
  })
  async cartCreate(
    @Ctx() ctx: OrdersContext,
    @Arg('input', () => CartCreateInput, { description: 'The channel, first lines, buyer and codes; all optional.' })
    input: CartCreateInput,
  ) {
    return toPayload(await createCart(ctx, input), withCart);
  }

  @Mutation(() => CartLinesAddPayload, { description: 'Adds lines; a SKU already in the cart gets the quantity added.' })
  async cartLinesAdd(
    @Ctx() ctx: OrdersContext,
    @Arg('cartId', () => ID, { description: 'The cart.' }) cartId: string,
    @Arg('lines', () => [CartLineInput], { description: 'Lines to add; at most 250.' }) lines: CartLineInput[],
  ) {
    return toPayload(await addCartLines(ctx, cartId, lines), withCart);
  }

  @Mutation(() => CartLinesUpdatePayload, { description: 'Sets line quantities; 0 removes a line.' })
  async cartLinesUpdate(
    @Ctx() ctx: OrdersContext,
    @Arg('cartId', () => ID, { description: 'The cart.' }) cartId: string,
    @Arg('lines', () => [CartLineUpdateInput], { description: 'Lines to change; quantity 0 removes.' }) lines: CartLineUpdateInput[],
  ) {
    return toPayload(await updateCartLines(ctx, cartId, lines), withCart);
  }

  @Mutation(() => CartLinesRemovePayload, { description: 'Removes lines by id.' })
  async cartLinesRemove(
    @Ctx() ctx: OrdersContext,
    @Arg('cartId', () => ID, { description: 'The cart.' }) cartId: string,
    @Arg('lineIds', () => [ID], { description: 'The lines to remove.' }) lineIds: string[],
  ) {
    return toPayload(await removeCartLines(ctx, cartId, lineIds), withCart);
  }

  @Mutation(() => CartDiscountCodesUpdatePayload, {
    description: "Replaces the cart's discount codes; each stays, with whether it applies.",
  })
  async cartDiscountCodesUpdate(
    @Ctx() ctx: OrdersContext,
    @Arg('cartId', () => ID, { description: 'The cart.' }) cartId: string,
    @Arg('discountCodes', () => [String], { description: 'Replaces the codes; at most 20, each at most 64 characters; [] removes all.' })
    discountCodes: string[],
  ) {
    return toPayload(await updateCartCodes(ctx, cartId, discountCodes), withCart);
  }

  @Mutation(() => CartBuyerIdentityUpdatePayload, {
    description:
      "Sets contact details. Sent with a customer's token, the customer takes the cart over, merged into their active cart when they have one (the cart returned).",
  })
  async cartBuyerIdentityUpdate(
    @Ctx() ctx: OrdersContext,
    @Arg('cartId', () => ID, { description: 'The cart.' }) cartId: string,
    @Arg('buyerIdentity', () => CartBuyerIdentityInput, {
      description: "Email, phone and country; sent with a customer's token it claims the cart (merging with their own).",
    })
    buyerIdentity: CartBuyerIdentityInput,
  ) {
    return toPayload(await updateCartBuyer(ctx, cartId, buyerIdentity), withCart);
  }

  @Mutation(() => CartDeliveryUpdatePayload, { description: 'Chooses one of deliveryOptions by its handle, with the address for SHIP.' })
  async cartDeliveryUpdate(
    @Ctx() ctx: OrdersContext,
    @Arg('cartId', () => ID, { description: 'The cart.' }) cartId: string,
    @Arg('delivery', () => CartDeliveryInput, { description: 'A `DeliveryOption.handle`, with an address for SHIP.' })
    delivery: CartDeliveryInput,
  ) {
    return toPayload(await updateCartDelivery(ctx, cartId, delivery), withCart);
  }

  @Mutation(() => CartNoteUpdatePayload, { description: 'Sets or clears the note for the shop.' })
  async cartNoteUpdate(
    @Ctx() ctx: OrdersContext,
    @Arg('cartId', () => ID, { description: 'The cart.' }) cartId: string,
    @Arg('note', () => String, { nullable: true, description: 'The note; at most 2000 characters; null clears it.' }) note: string | null,
  ) {
    return toPayload(await updateCartNote(ctx, cartId, note ?? null), withCart);
  }

  @FieldResolver(() => CartBuyerIdentity, { description: 'Who is buying: customer, email, phone, country.' })
  buyerIdentity(@Root() cart: Cart): CartBuyerIdentity {
    return {
      email: cart.email,
      phone: cart.phone,
      countryCode: cart.countryCode,
      customer: cart.customerId ? { id: cart.customerId } : null,
    };
  }

  @FieldResolver(() => CartLineConnection, { description: 'What is in the cart, oldest line first.' })
  lines(@Root() cart: Cart, @Ctx() ctx: OrdersContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return cartLines(ctx, cart, args);
  }

  @FieldResolver(() => [CartDiscountCode], { description: 'The codes entered, each with whether it applies and why not.' })
  async discountCodes(@Root() cart: Cart, @Ctx() ctx: OrdersContext): Promise<CartDiscountCode[]> {
    return (await cartPricing(ctx, cart)).codes;
  }

  @FieldResolver(() => CartCost, { description: 'What the cart costs now, priced afresh on every read.' })
  async cost(@Root() cart: Cart, @Ctx() ctx: OrdersContext): Promise<CartCost> {
    return costView(ctx, await cartPricing(ctx, cart));
  }

  @FieldResolver(() => [CartWarning], {
    description: 'Problems the shopper can fix (stock, channel, price changes); they do not block reading the cart.',
  })
  async warnings(@Root() cart: Cart, @Ctx() ctx: OrdersContext): Promise<CartWarning[]> {
    return (await cartPricing(ctx, cart)).warnings.map((warning) => ({ ...warning, code: warning.code as CartWarningCode }));
  }

  @FieldResolver(() => [DeliveryOption], { description: 'The ways this cart can reach the shopper, for its destination and channel.' })
  async deliveryOptions(@Root() cart: Cart, @Ctx() ctx: OrdersContext): Promise<DeliveryOption[]> {
    return (await cartPricing(ctx, cart)).deliveryOptions.map((option) => optionView(ctx, option));
  }

  @FieldResolver(() => CartDelivery, { nullable: true, description: 'The delivery chosen; null until one is.' })
  delivery(@Root() cart: Cart, @Ctx() ctx: OrdersContext): Promise<CartDelivery | null> {
    return deliveryView(ctx, cart);
  }

  @FieldResolver(() => [ProductReference], {
    nullable: true,
    description:
      "Products to add: often bought with what the cart holds, else best sellers of its products' categories; only what is for sale on the cart's channel and in stock, never what it holds.",
  })
  recommendations(
    @Root() cart: Cart,
    @Ctx() ctx: OrdersContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many (5 when omitted, at most 50).' }) first: number | null,
  ): Promise<ProductReference[]> {
    return recommendForCart(ctx, cart, first);
  }
}
