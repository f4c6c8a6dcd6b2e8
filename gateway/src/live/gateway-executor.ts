import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

export interface ExecutionResultLike<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Runs an operation through the gateway's own query planning, as a client's HTTP request would. */
export type GatewayExecutor = <T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  authorization: string | null,
) => Promise<ExecutionResultLike<T>>;

export function apolloExecutor(apollo: ApolloServer<{ authorization: string | null }>): GatewayExecutor {
  return async <T>(query: string, variables: Record<string, unknown>, authorization: string | null) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: { authorization } });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
    return response.body.singleResult as ExecutionResultLike<T>;
  };
}
