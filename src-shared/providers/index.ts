export * from './catalogue.js';
export * from './event-types.js';
export * from './status-map.js';
export * from './endpoints.js';
