import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { Money, type CurrencyCode } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { PosSession } from '../entities';
import type { PosSessionView } from '../types/pos.types';
import { expectedCash } from './cash-drawer';

export async function sessionView(em: EntityManager, session: PosSession): Promise<PosSessionView> {
  const money = (minor: number) => Money.fromMinor(minor, session.currencyCode as CurrencyCode);
  const [{ n }] = await sql<{ n: string }>(em, `select count(*) as n from "${SCHEMA}"."order" where pos_session_id = ?`, [session.id]);
  return {
    id: session.id,
    location: { id: session.locationId },
    deviceId: session.deviceId,
    openingFloat: money(session.openingFloatMinor),
    openedAt: session.openedAt,
    closedAt: session.closedAt,
    expectedCash: money(session.expectedMinor ?? (await expectedCash(em, session))),
    countedCash: session.countedMinor === null ? null : money(session.countedMinor),
    difference: session.differenceMinor === null ? null : money(session.differenceMinor),
    salesCount: Number(n),
  };
}
