import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123051655 } from './Migration20261123051655';
import { Migration20261202170000 } from './Migration20261202170000';
import { Migration20261202213512 } from './Migration20261202213512';
import { Migration20261203000100 } from './Migration20261203000100';
import { Migration20261203050928 } from './Migration20261203050928';
import { Migration20261203051959 } from './Migration20261203051959';
import { Migration20261203052500 } from './Migration20261203052500';
import { Migration20261203054820 } from './Migration20261203054820';
import { Migration20261203060331 } from './Migration20261203060331';
import { Migration20261203060332 } from './Migration20261203060332';
import { Migration20261203075411 } from './Migration20261203075411';
import { Migration20261203080000 } from './Migration20261203080000';
import { Migration20261203093050 } from './Migration20261203093050';
import { Migration20261203105010 } from './Migration20261203105010';
import { Migration20261204053111 } from './Migration20261204053111';
import { Migration20261204134000 } from './Migration20261204134000';

/** Applied in this order; `npm run migration:create -- <subgraph>` appends to this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123051655', class: Migration20261123051655 },
  { name: 'Migration20261202170000', class: Migration20261202170000 },
  { name: 'Migration20261202213512', class: Migration20261202213512 },
  { name: 'Migration20261203000100', class: Migration20261203000100 },
  { name: 'Migration20261203050928', class: Migration20261203050928 },
  { name: 'Migration20261203051959', class: Migration20261203051959 },
  { name: 'Migration20261203052500', class: Migration20261203052500 },
  { name: 'Migration20261203054820', class: Migration20261203054820 },
  { name: 'Migration20261203060331', class: Migration20261203060331 },
  { name: 'Migration20261203060332', class: Migration20261203060332 },
  { name: 'Migration20261203075411', class: Migration20261203075411 },
  { name: 'Migration20261203080000', class: Migration20261203080000 },
  { name: 'Migration20261203093050', class: Migration20261203093050 },
  { name: 'Migration20261203105010', class: Migration20261203105010 },
  { name: 'Migration20261204053111', class: Migration20261204053111 },
  { name: 'Migration20261204134000', class: Migration20261204134000 },
];
