import { describe, expect, it } from 'vitest';
import { VariableScope } from '../../../../src/main/sandbox/send/variables';

describe('variables', () => {
  it('resolve every string inside a request, leave the original alone, keep "__proto__" as a key, and list the unknown names', () => {
    const scope = new VariableScope(new Map([['baseUrl', 'http://127.0.0.1:8080']]), (name) => (name === 'token' ? 'secret-token' : undefined));
    const request = {
      url: '{{baseUrl}}/customers/{{ id }}',
      query: [{ name: 'limit', value: '10', enabled: true }],
      headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }],
      body: JSON.parse('{"__proto__": {"x": "{{baseUrl}}"}, "n": 1, "none": null}') as unknown,
    };
    const before = JSON.stringify(request);
    const resolved = scope.resolveDeep(request);
    expect(resolved.url).toBe('http://127.0.0.1:8080/customers/{{ id }}');
    expect(resolved.headers).toEqual([{ name: 'Authorization', value: 'Bearer secret-token' }]);
    expect(resolved.query).toEqual(request.query);
    expect(JSON.stringify(resolved.body)).toBe('{"__proto__":{"x":"http://127.0.0.1:8080"},"n":1,"none":null}');
    expect(Object.getPrototypeOf(resolved.body)).toBe(Object.prototype);
    expect(JSON.stringify(request)).toBe(before);
    expect([...scope.unresolved]).toEqual(['id']);
  });
});
