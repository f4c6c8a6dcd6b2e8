import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isObjectType, Kind, parse, print, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { repoRoot, schemaDir } from '../../scripts/lib/paths';

/**
 * Teams copy the README's operations, so each selects `id` on every object that has one: a
 * normalised cache (Apollo Client, urql's Graphcache, Relay) then keeps one copy of each and
 * updates every view from a mutation's answer or a live change.
 */
it('selects id on every object that has one, in every README operation', () => {
  const schema = buildSchema(readFileSync(join(schemaDir, 'api.graphql'), 'utf8'));
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const missing: string[] = [];
  for (const [index, block] of [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].entries()) {
    const typeInfo = new TypeInfo(schema);
    visit(
      parse(block[1]),
      visitWithTypeInfo(typeInfo, {
        SelectionSet(node) {
          const parent = typeInfo.getParentType();
          if (!isObjectType(parent) || !parent.getFields().id) return;
          if (!node.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === 'id')) {
            missing.push(`graphql block ${index + 1}: ${parent.name} ${print(node).replace(/\s+/g, ' ').slice(0, 100)}`);
          }
        },
      }),
    );
  }
  expect(missing).toEqual([]);
});
