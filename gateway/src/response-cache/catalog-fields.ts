import { Kind, parse, type ConstDirectiveNode, type ConstValueNode } from 'graphql';

/**
 * The catalog's subgraphs. Their query answers depend only on the document, the variables and the
 * token, so identical calls in flight may share one (not promotions: it counts each gift card
 * lookup against the client's address), and each publishes every change of what it serves to
 * its outbox, so the response cache may keep their answers.
 */
export const CATALOG_SUBGRAPHS: readonly string[] = ['products', 'inventory'];

/**
 * The root fields a cached operation may start from: the storefront's catalog and stock reads.
 * Everything under them must be resolved by a catalog subgraph too (see catalogFieldsOf).
 */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'product',
  'products',
  'productVariant',
  'category',
  'categories',
  'node',
  'nodes',
  'location',
  'locations',
]);

const argument = (directive: ConstDirectiveNode, name: string): ConstValueNode | undefined =>
  directive.arguments?.find((a) => a.name.value === name)?.value;

/** `@join__field(…, external: true)`: the subgraph names the field for a key or a requirement and does not resolve it. */
const isExternal = (directive: ConstDirectiveNode): boolean => {
  const value = argument(directive, 'external');
  return value?.kind === Kind.BOOLEAN && value.value;
};

const enumArgument = (directive: ConstDirectiveNode, name: string): string | undefined => {
  const value = argument(directive, name);
  return value?.kind === Kind.ENUM ? value.value : undefined;
};

/**
 * The coordinates (`Type.field`) of a supergraph that a catalog subgraph resolves, read from its
 * join directives: a field's own `@join__field` graphs (external ones left out), or its type's
 * `@join__type` graphs when it has none. `Product.frequentlyBoughtTogether`, which only orders
 * resolves, is not one; `Product.title` and `Money.amount` are. A value type's field (Money's)
 * is served by whichever subgraph served its parent, so the parent field decides.
 */
export function catalogFieldsOf(supergraphSdl: string, subgraphs: readonly string[] = CATALOG_SUBGRAPHS): Set<string> {
  const document = parse(supergraphSdl);
  // join__Graph's values name the subgraphs: PRODUCTS @join__graph(name: "products", url: …).
  const catalogGraphs = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = graph && argument(graph, 'name');
      if (name?.kind === Kind.STRING && subgraphs.includes(name.value)) catalogGraphs.add(value.name.value);
    }
  }
  const fields = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeGraphs = (definition.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => enumArgument(d, 'graph'));
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const graphs = joins.length ? joins.filter((d) => !isExternal(d)).map((d) => enumArgument(d, 'graph')) : typeGraphs;
      if (graphs.some((graph) => graph !== undefined && catalogGraphs.has(graph)))
        fields.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return fields;
}
