import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123051022 } from './Migration20261123051022';

/** Applied in this order; `npm run migration:create -- <subgraph>` appends to this list. */
export const migrations: MigrationObject[] = [{ name: 'Migration20261123051022', class: Migration20261123051022 }];
