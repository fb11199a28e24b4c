import type { Migration } from './migration';

export const openapiVersionNames: Migration = {
  version: 5,
  name: 'a system document\'s OpenAPI version is named openapi_version',
  sql: `
      -- "spec" names the analyst's deliverable; a document's "openapi"/"swagger" value is its OpenAPI version.
      ALTER TABLE system RENAME COLUMN spec_version TO openapi_version;
      ALTER TABLE system_version RENAME COLUMN spec_version TO openapi_version;
    `,
};
