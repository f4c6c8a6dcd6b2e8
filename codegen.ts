import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator for a client of this API, as a storefront team would set it up:
 * `npx graphql-codegen` types the operations under examples/ against the client schema.
 * `strictScalars` makes an unmapped scalar an error instead of `any`; the mappings are the
 * scalars' wire forms (README, "For client teams"). test/client-codegen.test.ts runs this
 * configuration on the examples and on every operation in the README.
 */
export const scalars = { DateTime: 'string', Decimal: 'string', JSONObject: 'Record<string, unknown>' } as const;

export const typescriptConfig = { strictScalars: true, scalars, enumsAsTypes: true, useTypeImports: true } as const;

const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: 'examples/*.graphql',
  generates: {
    'examples/generated/graphql.ts': { plugins: ['typescript', 'typescript-operations'], config: typescriptConfig },
  },
};

export default config;
