import {
  Kind,
  OperationTypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  BREAK,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { CACHEABLE_ROOT_FIELDS } from './catalog-fields';

/**
 * Whether an operation only reads the catalog: a query whose root fields are all catalog reads
 * (CACHEABLE_ROOT_FIELDS) and whose every field below is one a catalog subgraph resolves
 * (`catalogFields`, from the supergraph). A customer, cart, order, staff or promotions field
 * anywhere in it, introspection, or a mutation makes it not one. Fragments are checked
 * wherever they are defined in the document, which can only say no more often.
 */
export function isCatalogRead(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  catalogFields: ReadonlySet<string>,
): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) return false;
  const queryType = schema.getQueryType();
  const typeInfo = new TypeInfo(schema);
  let catalog = true;
  const check = (node: ASTNode) =>
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const name = field.name.value;
          if (name === '__typename') return;
          const parent = typeInfo.getParentType();
          const allowed =
            parent != null &&
            !name.startsWith('__') &&
            catalogFields.has(`${parent.name}.${name}`) &&
            (parent !== queryType || CACHEABLE_ROOT_FIELDS.has(name));
          if (!allowed) {
            catalog = false;
            return BREAK;
          }
        },
      }),
    );
  check(operation);
  for (const definition of document.definitions) if (catalog && definition.kind === Kind.FRAGMENT_DEFINITION) check(definition);
  return catalog;
}
