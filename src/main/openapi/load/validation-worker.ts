// The validation worker's script. It is plain JavaScript run with `new Worker(source, { eval: true })`,
// so it needs neither TypeScript nor a separate file that a bundler would have to copy: the modules it
// needs are required by absolute paths resolved in the main thread (workerData), which works the same
// under tsx, vitest and the electron-vite bundle (dependencies stay in node_modules there).
//
// Protocol: the main thread posts one message { text } (a JSON document's text, parsed here) or
// { document } (an already parsed, bundled document, structured-cloned); the worker answers once with
// { valid, errors: [{ message, path }], errorCount } or { failure: message }.
export const VALIDATION_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const SwaggerParser = require(workerData.modules.swaggerParser);
const validateSchema = require(workerData.modules.schemaValidator);
const validateSpec = require(workerData.modules.specValidator);
const MAX_ERRORS = workerData.maxErrors;
const NO_IO = { resolve: { external: false, file: false, http: false } };

const escape = (segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

function ajvMessage(error) {
  const params = error.params || {};
  if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) {
    return 'must NOT have the property "' + params.additionalProperty + '"';
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return 'must be one of: ' + params.allowedValues.map((value) => JSON.stringify(value)).join(', ');
  }
  return error.message || error.keyword;
}

function ajvErrors(details) {
  // oneOf branches each allowing one value ("in": path | query | ...) give one enum error per branch: merge them.
  const enums = new Map();
  for (const error of details || []) {
    if (error.keyword !== 'enum' || !error.params || !Array.isArray(error.params.allowedValues)) continue;
    const merged = enums.get(error.instancePath) || [];
    for (const value of error.params.allowedValues) if (!merged.includes(value)) merged.push(value);
    enums.set(error.instancePath, merged);
  }
  const raw = (details || []).map((error) => ({
    path: error.instancePath || '',
    message: error.keyword === 'enum' && enums.has(error.instancePath) ? ajvMessage({ ...error, params: { allowedValues: enums.get(error.instancePath) } }) : ajvMessage(error),
    keyword: error.keyword,
  }));
  // oneOf/anyOf report every branch: drop the "is not a $ref" and "matches no branch" summaries when a
  // more specific error explains the same place.
  const specific = raw.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf' && !(error.keyword === 'required' && /'\$ref'/.test(error.message)));
  const explained = (error) => specific.some((other) => other !== error && (other.path === error.path || other.path.startsWith(error.path + '/')));
  const kept = raw.filter((error) => specific.includes(error) || !explained(error));
  const seen = new Set();
  const errors = [];
  for (const error of kept) {
    const key = error.path + '\n' + error.message;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ message: error.message, path: error.path });
  }
  return errors;
}

// swagger-parser's spec validator names places as "/paths" + path + "/" + method (unescaped).
function specError(error, document) {
  const message = String(error && error.message || error).replace(/^Validation failed\.\s*/, '');
  let path = '';
  const match = /(\/(paths|definitions)\/?\S*)/.exec(message);
  if (match) {
    const id = match[1];
    const section = match[2];
    const keys = Object.keys((document && document[section]) || {}).sort((a, b) => b.length - a.length);
    const prefix = '/' + section + (section === 'paths' ? '' : '/');
    for (const key of keys) {
      if (id === prefix + key || id.startsWith(prefix + key + '/')) {
        path = '/' + section + '/' + escape(key) + id.slice((prefix + key).length).replace(/[.,:;]+$/, '');
        break;
      }
    }
  }
  return { message, path };
}

function refError(error) {
  const message = String(error && error.message || error);
  return { message, path: '' };
}

async function validate(message) {
  const document = message.text !== undefined ? JSON.parse(message.text) : message.document;
  message.text = message.document = undefined; // the input need not stay alive during validation
  let errors = [];
  if (workerData.mode === 'full') {
    // Exactly swagger-parser's validate(): dereference, schema, spec.
    try {
      await SwaggerParser.validate(document, NO_IO);
    } catch (error) {
      if (Array.isArray(error.details)) errors = ajvErrors(error.details);
      else if (/^Validation failed/.test(String(error.message))) errors = [specError(error, document)];
      else errors = [refError(error)];
    }
  } else {
    // swagger-parser's own schema validator (same ajv, same OpenAPI schemas) on the bundled document
    // with its $refs in place: the OpenAPI schemas accept Reference objects, every part is checked
    // once, where it is written, so error paths point at the text that needs fixing.
    try {
      validateSchema(document);
    } catch (error) {
      if (!Array.isArray(error.details)) throw error;
      errors = ajvErrors(error.details);
    }
    if (errors.length === 0 && document.swagger) {
      // Swagger 2.0's extra rules (duplicate or missing path parameters, ...) need the references
      // resolved: swagger-parser's dereference, circular references left in place.
      const parser = new SwaggerParser();
      try {
        await parser.dereference(document, { ...NO_IO, dereference: { circular: 'ignore' } });
        validateSpec(parser.api);
      } catch (error) {
        // Dereferencing replaces values, never the keys of paths and definitions that specError reads.
        errors = [/^Validation failed/.test(String(error.message)) ? specError(error, document) : refError(error)];
      }
    }
  }
  return { valid: errors.length === 0, errors: errors.slice(0, MAX_ERRORS), errorCount: errors.length };
}

parentPort.once('message', (message) => {
  validate(message).then(
    (result) => parentPort.postMessage(result),
    (error) => parentPort.postMessage({ failure: String(error && error.message || error) }),
  );
});
parentPort.postMessage({ ready: true });
`;
