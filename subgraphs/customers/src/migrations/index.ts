import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123051657 } from './Migration20261123051657';
import { Migration20261123070428 } from './Migration20261123070428';
import { Migration20261202010108 } from './Migration20261202010108';
import { Migration20261202015040 } from './Migration20261202015040';
import { Migration20261202213525 } from './Migration20261202213525';
import { Migration20261203000200 } from './Migration20261203000200';
import { Migration20261203052753 } from './Migration20261203052753';
import { Migration20261203062241 } from './Migration20261203062241';
import { Migration20261203080405 } from './Migration20261203080405';

/** Applied in this order; `npm run migration:create -- <subgraph>` appends to this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123051657', class: Migration20261123051657 },
  { name: 'Migration20261123070428', class: Migration20261123070428 },
  { name: 'Migration20261202010108', class: Migration20261202010108 },
  { name: 'Migration20261202015040', class: Migration20261202015040 },
  { name: 'Migration20261202213525', class: Migration20261202213525 },
  { name: 'Migration20261203000200', class: Migration20261203000200 },
  { name: 'Migration20261203052753', class: Migration20261203052753 },
  { name: 'Migration20261203062241', class: Migration20261203062241 },
  { name: 'Migration20261203080405', class: Migration20261203080405 },
];
