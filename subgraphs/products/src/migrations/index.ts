import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123051022 } from './Migration20261123051022';
import { Migration20261202164000 } from './Migration20261202164000';
import { Migration20261203110000 } from './Migration20261203110000';

/** Applied in this order; `npm run migration:create -- <subgraph>` appends to this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123051022', class: Migration20261123051022 },
  { name: 'Migration20261202164000', class: Migration20261202164000 },
  { name: 'Migration20261203110000', class: Migration20261203110000 },
];
