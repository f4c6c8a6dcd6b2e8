import { Customer } from './customer.entity';
import { StaffMember } from './staff-member.entity';
import { StaffRole } from './staff-role';

export { Customer, StaffMember, StaffRole };

export const entities = [Customer, StaffMember];
