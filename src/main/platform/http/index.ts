// The platform's http service: every network call of the app goes through one (see types.ts).
//
//   const http = createHttpService();
//   const response = await http.request({ url, timeoutMs: 10_000, maxBodyBytes: 1 << 20 });
//   response.status, response.headers.get('content-type'), response.body (a Buffer), response.timings
//
// Failures are HttpErrors: branch on `code`, show `message`.
export type { HttpRedirect, HttpRequest, HttpResponse, HttpService, HttpServiceOptions, HttpTimings, ProxyResolver, TlsSettings } from './types';
export { createHttpService, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from './service';
export { HttpError, type HttpErrorCode, type HttpPhase } from './errors';
export { ResponseHeaders } from './headers';
export { readBody } from './body';
export { proxyFromEnv } from './proxy-env';
export { proxyFromEnvOrSystem, proxyFromPacScript, proxyFromSystem, withProxyCredentials } from './pac';
export { proxyFromPacAnswer } from './pac-answer';
