// The HTTP client's public surface, for the adapters.
export { createHttpClient } from './client.js';
export type { Auth, ClientActivity, HttpClient, Method, Query } from './client.js';
export { anyAnswer, shape, type Shape } from './shape.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './body.js';
export { DEFAULT_MAX_PAGES, PAGES_AT_ONCE, readPages, type Page } from './pages.js';
export type { Clock } from './clock.js';
export { systemClock } from './clock.js';
export { downloadGzip } from './download.js';
export { shapeProblem } from './shape.js';
export type { HttpLog, HttpLogEntry } from './log.js';
export { chunkForUrl } from './chunk.js';
