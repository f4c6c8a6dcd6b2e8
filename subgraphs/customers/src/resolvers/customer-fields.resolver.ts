import { Args, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '#platform/auth';
import { Address, ConnectionArgs, Money, SalesChannel, type CurrencyCode } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { Customer, CustomerIdentity, Segment } from '../entities';
import { customerTimeline } from '../services/customer-event-query.service';
import { customerOrderFigures } from '../services/customer-orders.service';
import { customerAddresses, customerDefaultAddress, customerIdentities, displayName } from '../services/customer-query.service';
import { customerSegments } from '../services/segment-membership.service';
import { CustomerEventConnection } from '../types/customer-connection.type';

/** A customer's related records, each batched per request so a page of customers costs a fixed number of statements. */
@Resolver(() => Customer)
export class CustomerFieldsResolver {
  @FieldResolver(() => Int, { description: 'Orders placed on every channel, less those cancelled whole.' })
  async orderCount(@Root() customer: Customer, @Ctx() ctx: CustomersContext): Promise<number> {
    return (await customerOrderFigures(ctx, customer.id)).orderCount;
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'What the customer’s orders came to on every channel, less refunds and cancellations; null before the first order.',
  })
  async totalSpent(@Root() customer: Customer, @Ctx() ctx: CustomersContext): Promise<Money | null> {
    const figures = await customerOrderFigures(ctx, customer.id);
    return figures.currencyCode ? Money.fromMinor(figures.totalSpentMinor, figures.currencyCode as CurrencyCode) : null;
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'Total spent divided by the orders counted (rounded half-up to the cent); null before the first order.',
  })
  async averageOrderValue(@Root() customer: Customer, @Ctx() ctx: CustomersContext): Promise<Money | null> {
    const figures = await customerOrderFigures(ctx, customer.id);
    return figures.currencyCode && figures.averageOrderValueMinor !== null
      ? Money.fromMinor(figures.averageOrderValueMinor, figures.currencyCode as CurrencyCode)
      : null;
  }

  @FieldResolver(() => [SalesChannel], {
    description: 'The channels the customer has bought on: those of orders not cancelled or refunded in full.',
  })
  async purchaseChannels(@Root() customer: Customer, @Ctx() ctx: CustomersContext): Promise<SalesChannel[]> {
    return (await customerOrderFigures(ctx, customer.id)).purchaseChannels;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the last order still counted was placed.' })
  async lastOrderAt(@Root() customer: Customer, @Ctx() ctx: CustomersContext): Promise<Date | null> {
    return (await customerOrderFigures(ctx, customer.id)).lastOrderAt;
  }

  @FieldResolver(() => String, { description: 'The name to greet the customer by; "Erased customer" once erased.' })
  displayName(@Root() customer: Customer): string {
    return displayName(customer);
  }

  @FieldResolver(() => [Address], { description: 'Saved addresses, oldest first.' })
  addresses(@Root() customer: Customer, @Ctx() ctx: CustomersContext) {
    return customerAddresses(ctx, customer);
  }

  @FieldResolver(() => Address, { nullable: true, description: 'The address used when none is chosen; set whenever the customer has any.' })
  defaultAddress(@Root() customer: Customer, @Ctx() ctx: CustomersContext) {
    return customerDefaultAddress(ctx, customer);
  }

  @FieldResolver(() => [CustomerIdentity], { description: 'The channels the customer was seen on, with their ids there.' })
  identities(@Root() customer: Customer, @Ctx() ctx: CustomersContext) {
    return customerIdentities(ctx, customer);
  }

  @FieldResolver(() => CustomerEventConnection, { description: 'The cross-channel timeline, newest first.' })
  events(@Root() customer: Customer, @Ctx() ctx: CustomersContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return customerTimeline(ctx, customer, args);
  }

  @Authorized(STAFF_ROLES)
  @FieldResolver(() => [Segment], { description: 'The segments the customer is in now (staff and services).' })
  segments(@Root() customer: Customer, @Ctx() ctx: CustomersContext) {
    return customerSegments(ctx, customer);
  }
}
