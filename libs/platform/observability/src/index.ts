export * from './telemetry';
export * from './trace';
export * from './request-context';
export * from './logger';
export * from './metrics';
