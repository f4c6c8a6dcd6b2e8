/**
 * The architecture's import rules (ARCHITECTURE.md, STYLE.md), checked by `npm test`.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes load order matter and hides which module depends on which.',
      from: {},
      // A type-only cycle (two entities of one relation naming each other) vanishes at run time.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'Every import resolves, #platform and #contracts aliases included.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'subgraphs-stay-apart',
      severity: 'error',
      comment:
        "A subgraph reaches another's data only through federation or its API; the one thing it may import of another is that subgraph's contract (event payloads and internal command documents).",
      from: { path: '^subgraphs/([^/]+)/src/' },
      to: { path: '^subgraphs/([^/]+)/', pathNot: ['^subgraphs/$1/', '^subgraphs/platform/', '^subgraphs/[^/]+/src/contract/'] },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      comment: 'A contract is read by other subgraphs, so it depends on nothing of its own subgraph but itself.',
      from: { path: '^subgraphs/([^/]+)/src/contract/' },
      to: { path: '^subgraphs/', pathNot: ['^subgraphs/$1/src/contract/', '^subgraphs/platform/'] },
    },
    {
      name: 'platform-knows-no-domain',
      severity: 'error',
      comment: 'The platform is the kit every subgraph builds on; it imports no subgraph, no gateway and no script.',
      from: { path: '^subgraphs/platform/' },
      to: { path: ['^subgraphs/(?!platform/)', '^gateway/', '^scripts/', '^test/'] },
    },
    {
      name: 'gateway-uses-little-of-the-platform',
      severity: 'error',
      comment:
        'The gateway takes auth, events, tracing and the process kit (config, logging, HTTP service, health, error masking) from the platform, and the contracts of the events it relays; never the ORM, type-graphql or a subgraph.',
      from: { path: '^gateway/src/' },
      to: {
        path: '^subgraphs/',
        pathNot: ['^subgraphs/platform/src/(auth|events|config|runtime|ids|tracing)/', '^subgraphs/[^/]+/src/contract/'],
      },
    },
    {
      name: 'resolvers-stay-thin',
      severity: 'error',
      comment: 'Resolvers read args and the context and call a service; the ORM is the services’ business.',
      from: { path: '^subgraphs/[^/]+/src/resolvers/' },
      to: { path: '^node_modules/@mikro-orm/' },
    },
    {
      name: 'no-dist',
      severity: 'error',
      comment: 'Sources import sources; dist/ is build output.',
      from: {},
      to: { path: '^dist/' },
    },
    {
      name: 'no-dev-deps-in-production-code',
      severity: 'error',
      comment: 'The image prunes dev dependencies; running code may not need them.',
      from: { path: '^(gateway|subgraphs)/[^/]+/src/|^subgraphs/[^/]+/src/', pathNot: ['\\.spec\\.ts$', '/test/'] },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^\\.data/', '^examples/generated/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
