import { ObjectType } from 'type-graphql';
import { Connection } from '#platform/graphql';
import { Customer, CustomerEvent } from '../entities';

@ObjectType({ description: 'A page of customers, newest first.' })
export class CustomerConnection extends Connection(Customer) {}

@ObjectType({ description: "A page of a customer's timeline, newest first." })
export class CustomerEventConnection extends Connection(CustomerEvent) {}
