import { MutationPayload } from '#platform/graphql';
import { Order } from '../entities';
import { PosSessionView, PosSyncResultView } from '../types/pos.types';

export const PosOrderCreatePayload = MutationPayload('PosOrderCreatePayload', { order: () => Order });
export const PosSessionOpenPayload = MutationPayload('PosSessionOpenPayload', { session: () => PosSessionView });
export const PosSessionClosePayload = MutationPayload('PosSessionClosePayload', { session: () => PosSessionView });
export const PosOrdersSyncPayload = MutationPayload('PosOrdersSyncPayload', { results: () => [PosSyncResultView] });
