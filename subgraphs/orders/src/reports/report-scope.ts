/**
 * Who may read which sales, and the checks every report's arguments pass. Managers, admins and
 * services read every store; store staff read their own store only, whatever they ask for.
 */
import { forbidden, Role, type Viewer } from '#platform/auth';
import { isUuid } from '#platform/db';
import { badUserInput } from '#platform/runtime';
import type { OrdersContext } from '../context';
import type { SalesReportFilter } from '../types/reports.types';

/** What a report reads with: the request's EntityManager, the caller, the shop's time zone and currency. */
export type ReportContext = Pick<OrdersContext, 'em' | 'viewer' | 'shopTimeZone' | 'currencyCode'>;

/** Longest period one report covers: a few years of days is still a readable answer. */
const MAX_RANGE_DAYS = 5 * 366;

/** The store the caller's report is limited to: the one asked for, or the staff member's own (another is refused). */
export function reportLocation(viewer: Viewer, asked: string | null | undefined): string | null {
  if (viewer.role !== Role.STAFF) return asked ?? null;
  if (!viewer.locationId) throw forbidden('Store staff read the sales of their own store; this token names none');
  if (asked && asked !== viewer.locationId) {
    throw forbidden(`Store staff read the sales of their own store only (${viewer.locationId}), not of ${asked}`);
  }
  return viewer.locationId;
}

/** Refuses a period that is empty, reversed or too long. */
export function checkPeriod(from: Date, to: Date): void {
  if (!(from.getTime() < to.getTime())) throw badUserInput('"from" must be before "to"', 'from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
    throw badUserInput(`A report covers at most ${MAX_RANGE_DAYS} days`, 'to');
}

/** A database id the ledger can hold in a uuid column: anything else matches nothing. */
export const uuidOrNothing = (id: string | null | undefined): string | null | undefined =>
  id === null || id === undefined ? id : isUuid(id) ? id : '00000000-0000-0000-0000-000000000000';

/** Which sales a report counts, as the caller may see them: the filter's, with the store limited to the caller's scope. */
export interface SalesScope {
  channel?: string | null;
  locationId?: string | null;
  staffId?: string | null;
  productId?: string | null;
  categoryId?: string | null;
}

/** The filter a report was asked for, within what `viewer` may read (store staff: their store, whatever they asked). */
export function salesScope(viewer: Viewer, filter: SalesReportFilter | null | undefined): SalesScope {
  return { ...filter, locationId: uuidOrNothing(reportLocation(viewer, filter?.locationId)) };
}

/**
 * The scope as SQL conditions and their parameters, on columns the ledger and the rollup name
 * alike (categories are the ledger's only).
 */
export function scopeWhere(scope: SalesScope): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  if (scope.channel) add('channel = ?', scope.channel);
  if (scope.locationId) add('location_id = ?', scope.locationId);
  if (scope.staffId) add('staff_id = ?', scope.staffId);
  if (scope.productId) add('product_id = ?', scope.productId);
  if (scope.categoryId) add('? = any(category_ids)', scope.categoryId);
  return { clauses, params };
}

/** The ledger's WHERE for the rows of a period within a scope, with its parameters. */
export function ledgerWhere(period: { from: Date; to: Date }, scope: SalesScope): { where: string; params: unknown[] } {
  const { clauses, params } = scopeWhere(scope);
  return { where: ['occurred_at >= ?', 'occurred_at < ?', ...clauses].join(' and '), params: [period.from, period.to, ...params] };
}
