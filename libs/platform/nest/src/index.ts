export * from './bootstrap';
export * from './platform.module';
export * from './readiness';
export * from './ops.controller';
export * from './public.decorator';
export * from './rpc-errors';
export * from './tenant';
export * from './grpc-context.interceptor';
