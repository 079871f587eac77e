export * from './migrations';
export * from './outbox.repository';
export * from './outbox-relay';
export * from './idempotent-consumer';
export * from './kafka-client';
export * from './topics';
