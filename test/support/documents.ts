/**
 * GraphQL documents that several tests send, each typed by its variables and result, so a test
 * reads `data.inventoryAdjust.inventoryLevel.onHand` with types instead of `any`, and a schema
 * change breaks one place. A document used by a single test file stays in that file.
 */

/** A document string with the types of its variables and result attached (types only). */
export interface TypedDocument<TData, TVariables> {
  readonly source: string;
  /** Phantom: never set, only carries the types. */
  readonly __types?: { data: TData; variables: TVariables };
}

export function typedDocument<TData, TVariables = Record<string, never>>(source: string): TypedDocument<TData, TVariables> {
  return { source };
}

export type DataOf<D> = D extends TypedDocument<infer T, unknown> ? T : never;
export type VariablesOf<D> = D extends TypedDocument<unknown, infer V> ? V : never;

export interface UserErrorResult {
  field: string[] | null;
  message: string;
  code: string;
}

/** inventoryAdjust with everything tests look at on the level it changed. */
export const ADJUST_STOCK = typedDocument<
  {
    inventoryAdjust: {
      inventoryLevel: {
        sku: string;
        onHand: number;
        reserved: number;
        available: number;
        version: number;
        location: { id: string; name: string };
      } | null;
      userErrors: UserErrorResult[];
    };
  },
  {
    // Loose on purpose: tests also send what the API must refuse.
    input: { sku: string; locationId: string; delta: number; reason: string; reference?: string | null; expectedOnHand?: number | null };
    key?: string | null;
  }
>(`mutation AdjustStock($input: InventoryAdjustInput!, $key: String) {
  inventoryAdjust(input: $input, idempotencyKey: $key) {
    inventoryLevel { sku onHand reserved available version location { id name } }
    userErrors { field message code }
  }
}`);

/** A customer signing up (WEB unless a channel is given). */
export const SIGN_UP = typedDocument<
  { customerCreate: { customer: { id: string; email: string | null } | null; userErrors: UserErrorResult[] } },
  { input: { email?: string; phone?: string; password?: string; firstName?: string; lastName?: string; channel?: string } }
>(`mutation SignUp($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { id email } userErrors { field message code } }
}`);

/** A customer signing in. */
export const SIGN_IN = typedDocument<
  { customerAccessTokenCreate: { accessToken: { token: string; expiresAt: string } | null; userErrors: UserErrorResult[] } },
  { input: { email: string; password: string; channel?: string } }
>(`mutation SignIn($input: CustomerAccessTokenCreateInput!) {
  customerAccessTokenCreate(input: $input) { accessToken { token expiresAt } userErrors { field message code } }
}`);

/** The stores and warehouses, by name. */
export const LOCATIONS = typedDocument<{ locations: { nodes: { id: string; name: string; type: string }[] } }>(
  `query Locations { locations(first: 50) { nodes { id name type } } }`,
);
