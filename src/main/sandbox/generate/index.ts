// The sandbox's seeded generator: values from schemas (document-generator.ts, value.ts) and operations' example bodies.
export { documentGenerator, generateValue, type DocumentGenerator, type GenerateOptions } from './document-generator';
export { exampleBody, operationNamed, type ExampleBody } from './example-body';
