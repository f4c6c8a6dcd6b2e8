/**
 * Who may read which sales, and the checks every report's arguments pass. Managers, admins and
 * services read every store; store staff read their own store only, whatever they ask for.
 */
import { forbidden, Role, type Viewer } from '#platform/auth';
import { isUuid } from '#platform/db';
import { badUserInput } from '#platform/runtime';

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
