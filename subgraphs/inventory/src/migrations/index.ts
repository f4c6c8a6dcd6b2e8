import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123060113 } from './Migration20261123060113';
import { Migration20261123063423 } from './Migration20261123063423';
import { Migration20261203050424 } from './Migration20261203050424';

/** Applied in this order; `npm run migration:create -- <subgraph>` appends to this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123060113', class: Migration20261123060113 },
  { name: 'Migration20261123063423', class: Migration20261123063423 },
  { name: 'Migration20261203050424', class: Migration20261203050424 },
];
