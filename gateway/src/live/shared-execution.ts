import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { mapStream } from '#platform/events';

/**
 * Distinct subscription documents remembered, parsed and validated, at most this many and this
 * many characters of document text in all (a document's AST grows with its text, and each may be
 * as large as a socket message); the least recently used go first.
 */
const DOCUMENTS_KEPT = 500;
const DOCUMENT_CHARS_KEPT = 4_000_000;

interface Prepared {
  schema: GraphQLSchema;
  document: DocumentNode;
  errors: readonly GraphQLError[];
}

/**
 * What subscribers with the same document share, so that one stock change to 10,000 kiosks costs
 * one execution instead of 10,000. A document is parsed and validated once per schema however
 * many sockets send it, so all its subscribers hold the same AST; and each event is executed once
 * per document, operation, variables and auth scope (`scopeOf`: subscribers in one scope are
 * answered the same), the result handed to every subscriber who shares them. graphql-ws then
 * only serialises and sends per socket. An item only one subscriber receives (its own snapshot)
 * is executed for it alone, as before.
 */
export class SharedExecution<C> {
  private readonly documents = new Map<string, Prepared>();
  private documentChars = 0;
  /** Per event item (the bus gives every stream the same object): its result per document and shape. */
  private readonly results = new WeakMap<object, WeakMap<DocumentNode, Map<string, Promise<ExecutionResult>>>>();
  /** Executions performed, for tests and the benchmark. */
  executed = 0;

  constructor(
    private readonly fieldResolver: GraphQLFieldResolver<unknown, unknown>,
    private readonly scopeOf: (context: C) => string,
  ) {}

  /**
   * The arguments graphql-ws runs a subscription with, or the errors that refuse it (a syntax or
   * validation error, or a query or mutation sent over the socket).
   */
  prepare(
    schema: GraphQLSchema,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  ): GraphQLError[] | Omit<ExecutionArgs, 'contextValue'> {
    const prepared = this.document(schema, payload.query);
    if (prepared.errors.length) return [...prepared.errors];
    const operation = getOperationAST(prepared.document, payload.operationName);
    if (operation && operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return [
        new GraphQLError('Send queries and mutations as HTTP POST to /graphql; this socket serves subscriptions', {
          extensions: { code: 'BAD_REQUEST' },
        }),
      ];
    }
    return { schema, document: prepared.document, operationName: payload.operationName, variableValues: payload.variables };
  }

  /** graphql-js's `subscribe`, with each event's execution shared as described above. */
  async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream({ ...args, fieldResolver: this.fieldResolver });
    if (!(Symbol.asyncIterator in source)) return source;
    const shape = [args.operationName ?? '', JSON.stringify(args.variableValues ?? {}), this.scopeOf(args.contextValue as C)].join(
      '\u0000',
    );
    return mapStream(source, (item: unknown) => this.resultFor(item, args, shape));
  }

  private resultFor(item: unknown, args: ExecutionArgs, shape: string): Promise<ExecutionResult> {
    if (!item || typeof item !== 'object') return this.run(item, args);
    let byDocument = this.results.get(item);
    if (!byDocument) this.results.set(item, (byDocument = new WeakMap()));
    let byShape = byDocument.get(args.document);
    if (!byShape) byDocument.set(args.document, (byShape = new Map<string, Promise<ExecutionResult>>()));
    let result = byShape.get(shape);
    if (!result) byShape.set(shape, (result = this.run(item, args)));
    return result;
  }

  private async run(item: unknown, args: ExecutionArgs): Promise<ExecutionResult> {
    this.executed += 1;
    return execute({ ...args, rootValue: item, fieldResolver: this.fieldResolver });
  }

  private document(schema: GraphQLSchema, query: string): Prepared {
    const known = this.documents.get(query);
    if (known) this.forget(query);
    if (known && known.schema === schema) {
      // Most recently used last, so the oldest is the first key.
      this.remember(query, known);
      return known;
    }
    let prepared: Prepared;
    try {
      const document = parse(query);
      prepared = { schema, document, errors: validate(schema, document) };
    } catch (error) {
      // A syntax error answers this subscription only; the socket and its others carry on.
      const refusal = error instanceof GraphQLError ? error : new GraphQLError(String(error));
      return { schema, document: { kind: Kind.DOCUMENT, definitions: [] }, errors: [refusal] };
    }
    // A refused document is not kept: what many subscribers share is the valid one, and a stream of distinct bad ones must not fill the cache.
    if (prepared.errors.length === 0) this.remember(query, prepared);
    return prepared;
  }

  private remember(query: string, prepared: Prepared): void {
    this.documents.set(query, prepared);
    this.documentChars += query.length;
    while (this.documents.size > DOCUMENTS_KEPT || (this.documentChars > DOCUMENT_CHARS_KEPT && this.documents.size > 1)) {
      this.forget(this.documents.keys().next().value as string);
    }
  }

  private forget(query: string): void {
    if (this.documents.delete(query)) this.documentChars -= query.length;
  }

  /** Documents remembered and their characters in all, for tests. */
  cached(): { documents: number; chars: number } {
    return { documents: this.documents.size, chars: this.documentChars };
  }
}
