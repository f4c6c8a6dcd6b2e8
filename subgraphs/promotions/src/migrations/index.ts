import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123063738 } from './Migration20261123063738';
import { Migration20261123065505 } from './Migration20261123065505';
import { Migration20261202005710 } from './Migration20261202005710';
import { Migration20261202010409 } from './Migration20261202010409';
import { Migration20261202015203 } from './Migration20261202015203';
import { Migration20261202015545 } from './Migration20261202015545';
import { Migration20261203023000 } from './Migration20261203023000';
import { Migration20261203084058 } from './Migration20261203084058';

/** Applied in this order; `npm run migration:create -- <subgraph>` appends to this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123063738', class: Migration20261123063738 },
  { name: 'Migration20261123065505', class: Migration20261123065505 },
  { name: 'Migration20261202005710', class: Migration20261202005710 },
  { name: 'Migration20261202010409', class: Migration20261202010409 },
  { name: 'Migration20261202015203', class: Migration20261202015203 },
  { name: 'Migration20261202015545', class: Migration20261202015545 },
  { name: 'Migration20261203023000', class: Migration20261203023000 },
  { name: 'Migration20261203084058', class: Migration20261203084058 },
];
