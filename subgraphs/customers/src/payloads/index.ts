import { ID } from 'type-graphql';
import { Address, MutationPayload } from '#platform/graphql';
import { Customer, CustomerEvent, CustomerIdentity, Segment, StaffMember } from '../entities';
import { CustomerAccessToken } from '../types/customer-access-token.type';
import { CustomerDataExport } from '../types/customer-data-export.type';

export const CustomerCreatePayload = MutationPayload('CustomerCreatePayload', { customer: () => Customer });
export const CustomerUpdatePayload = MutationPayload('CustomerUpdatePayload', { customer: () => Customer });
export const StaffCreatePayload = MutationPayload('StaffCreatePayload', { staffMember: () => StaffMember });
export const CustomerAccessTokenCreatePayload = MutationPayload('CustomerAccessTokenCreatePayload', {
  accessToken: () => CustomerAccessToken,
});
export const StaffAccessTokenCreatePayload = MutationPayload('StaffAccessTokenCreatePayload', { accessToken: () => CustomerAccessToken });
export const KioskTokenCreatePayload = MutationPayload('KioskTokenCreatePayload', { accessToken: () => CustomerAccessToken });

export const CustomerAddressCreatePayload = MutationPayload('CustomerAddressCreatePayload', {
  address: () => Address,
  customer: () => Customer,
});
export const CustomerAddressUpdatePayload = MutationPayload('CustomerAddressUpdatePayload', {
  address: () => Address,
  customer: () => Customer,
});
export const CustomerAddressDeletePayload = MutationPayload('CustomerAddressDeletePayload', {
  deletedAddressId: () => ID,
  customer: () => Customer,
});

export const CustomerIdentityLinkPayload = MutationPayload('CustomerIdentityLinkPayload', {
  identity: () => CustomerIdentity,
  customer: () => Customer,
});
export const CustomerEventTrackPayload = MutationPayload('CustomerEventTrackPayload', { event: () => CustomerEvent });

export const SegmentCreatePayload = MutationPayload('SegmentCreatePayload', { segment: () => Segment });
export const SegmentUpdatePayload = MutationPayload('SegmentUpdatePayload', { segment: () => Segment });
export const SegmentDeletePayload = MutationPayload('SegmentDeletePayload', { deletedSegmentId: () => ID });

export const CustomerMergePayload = MutationPayload('CustomerMergePayload', { customer: () => Customer });
export const CustomerDataExportPayload = MutationPayload('CustomerDataExportPayload', { export: () => CustomerDataExport });
export const CustomerErasePayload = MutationPayload('CustomerErasePayload', { customer: () => Customer });
