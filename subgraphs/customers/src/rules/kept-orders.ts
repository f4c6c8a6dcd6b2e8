import { SCHEMA } from '../constants';

/**
 * Each order of a customer (`customer` is the SQL expression for their id) with what it counts
 * for: its total less what was given back for it (refunds and cancellations), never below zero,
 * and nothing once it was cancelled whole (`counts` false). The customer's figures and the
 * segment rules read this one definition, so a segment agrees with the figures it is built on.
 */
export function keptOrdersOf(customer: string): string {
  return `(select o.channel, o.placed_at, o.currency_code, o.cancelled_at is null as counts,
            case when o.cancelled_at is not null then 0
                 else greatest(o.total_minor - coalesce((select sum(r.amount_minor) from "${SCHEMA}"."customer_refund" r
                                                          where r.order_id = o.order_id), 0), 0) end as net
     from "${SCHEMA}"."customer_order" o where o.customer_id = ${customer})`;
}
