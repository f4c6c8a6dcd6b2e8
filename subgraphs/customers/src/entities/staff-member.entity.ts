import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../types/node';
import { StaffRole } from './staff-role';

/** Someone who works for the shop: signs in at a till, a back office or the admin. */
@ObjectType({ description: 'Someone who works for the shop.', implements: Node })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'staff_member' })
export class StaffMember {
  @Field(() => ID, { description: 'Global id, `gid://commerce/StaffMember/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Full name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'Lower-case; unique.' })
  @Property({ type: 'text' })
  @Unique()
  email!: string;

  @Field(() => StaffRole, { description: 'What the staff member may do.' })
  @Enum({ items: () => StaffRole })
  role!: StaffRole;

  /** The store this person works at; carried in their tokens. Owned by inventory. */
  @Property({ type: 'uuid', nullable: true })
  locationId: string | null = null;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
