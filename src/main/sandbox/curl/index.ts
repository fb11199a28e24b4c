// cURL in and out of the sandbox's requests: parseCurl reads a pasted command with a real shell-word
// parser (shell-quote), toCurl writes one with secrets redacted unless asked to include them.
export { parseCurl, type CurlImport, type CurlRequest } from './parse';
export { toCurl, shellQuote, type CurlOptions, type CurlSource } from './export';
