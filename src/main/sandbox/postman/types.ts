// What a Postman collection or environment carries in and out, in the sandbox's request model
// (shared/contract/sandbox.ts). Values are plain strings here: secret ones are opened before an export
// and sealed after an import by whoever stores them.
import type { AuthInput, KeyValueRowInput, RequestDraftInput, SecretValue } from '../../../shared/contract/sandbox';

/** A request as imported or exported: folders as a "/"-separated path. */
export type InterchangeRequest = Omit<RequestDraftInput, 'systemId'>;

export interface InterchangeVariable {
  name: string;
  value: string;
  secret: boolean;
  enabled: boolean;
}

export interface CollectionImport {
  name: string;
  requests: InterchangeRequest[];
  /**
   * The collection's variables, then one secret variable per secret value found in a request (its
   * place in the request now reads {{name}}): they belong in an environment of the system.
   */
  variables: InterchangeVariable[];
  /** The collection's own auth: the environment's, which requests with `inherit` use. */
  auth: AuthInput;
  /** What was left out or read differently, one sentence each. */
  notes: string[];
}

export interface EnvironmentImport {
  name: string;
  variables: InterchangeVariable[];
}

type Value = string | SecretValue;
type OpenRow = Omit<KeyValueRowInput, 'value'> & { value: Value };

/** A saved request to export: secret values opened (strings) where the caller could, still sealed otherwise. */
export interface ExportRequest extends Omit<InterchangeRequest, 'query' | 'headers' | 'body' | 'auth'> {
  query: OpenRow[];
  headers: OpenRow[];
  body: Exclude<InterchangeRequest['body'], { kind: 'form-urlencoded' }> | { kind: 'form-urlencoded'; fields: OpenRow[] };
  auth: ExportAuth;
}

export type ExportAuth =
  | { kind: 'none' }
  | { kind: 'inherit' }
  | { kind: 'basic'; username: string; password: Value }
  | { kind: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; value: Value }
  | { kind: 'bearer'; token: Value; prefix: string }
  | {
      kind: 'oauth2';
      grant: 'clientCredentials' | 'password' | 'authorizationCode';
      tokenUrl: string;
      authUrl: string;
      clientId: string;
      clientSecret: Value;
      scope: string;
      audience: string;
      username: string;
      password: Value;
      clientAuth: 'basic' | 'body';
    };

export interface ExportVariable {
  name: string;
  value: Value;
  secret: boolean;
  enabled: boolean;
}
