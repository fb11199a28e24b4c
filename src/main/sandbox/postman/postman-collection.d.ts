// postman-collection ships its type definitions without naming them in its package.json.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- its declarations are a script declaring the module, reachable only by path
/// <reference path="../../../../node_modules/postman-collection/types/index.d.ts" />
