import { MutationPayload } from '../../../platform/src';
import { Customer, StaffMember } from '../entities';
import { CustomerAccessToken } from '../types/customer-access-token.type';

export const CustomerCreatePayload = MutationPayload('CustomerCreatePayload', { customer: () => Customer });
export const StaffCreatePayload = MutationPayload('StaffCreatePayload', { staffMember: () => StaffMember });
export const CustomerAccessTokenCreatePayload = MutationPayload('CustomerAccessTokenCreatePayload', { accessToken: () => CustomerAccessToken });
export const StaffAccessTokenCreatePayload = MutationPayload('StaffAccessTokenCreatePayload', { accessToken: () => CustomerAccessToken });
export const KioskTokenCreatePayload = MutationPayload('KioskTokenCreatePayload', { accessToken: () => CustomerAccessToken });
