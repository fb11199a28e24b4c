// JSON pointer → line and column, in JSON and YAML texts.
import { describe, expect, it } from 'vitest';
import { locatePointers } from '../../../../src/main/openapi/load/locate';

const json = `{
  "paths": {
    "/a/{id}": {
      "get": { "tags": ["x", "y"], "summary": "with \\"quotes\\" and a ] bracket" }
    },
    "~tilde": [ { "deep": [1, [2, {"k": true}]] } ]
  },
  "we\\u0069rd": 1
}`;

const yaml = `paths:
  /a/{id}:
    get:
      tags: [x, y]
  200:
    description: numeric key
list:
  - name: first
  - name: second
`;

describe('locatePointers', () => {
  it('finds members at their key and items at their value in JSON, through escapes and brackets in strings', async () => {
    const positions = await locatePointers(json, 'json', [
      '',
      '/paths/~1a~1{id}/get',
      '/paths/~1a~1{id}/get/tags/1',
      '/paths/~0tilde/0/deep/1/1/k',
      '/weird',
      '/paths/missing',
    ]);
    expect(Object.fromEntries(positions)).toEqual({
      '': { line: 1, column: 1 },
      '/paths/~1a~1{id}/get': { line: 4, column: 7 },
      '/paths/~1a~1{id}/get/tags/1': { line: 4, column: 30 },
      '/paths/~0tilde/0/deep/1/1/k': { line: 6, column: 36 },
      '/weird': { line: 8, column: 3 },
    });
  });

  it('finds keys, numeric keys and sequence items in YAML', async () => {
    const positions = await locatePointers(yaml, 'yaml', ['/paths/~1a~1{id}/get/tags/1', '/paths/200/description', '/list/1/name', '/nope']);
    expect(Object.fromEntries(positions)).toEqual({
      '/paths/~1a~1{id}/get/tags/1': { line: 4, column: 17 },
      '/paths/200/description': { line: 6, column: 5 },
      '/list/1/name': { line: 9, column: 5 },
    });
  });
});
