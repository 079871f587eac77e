import { CreateOutboxAndInbox1763900000000 } from '@club/platform-kafka';
import { CreateTenants1763900000600 } from './1763900000600-create-tenants';

/** Every migration of the gateway database, in order. */
export const GATEWAY_MIGRATIONS = [CreateOutboxAndInbox1763900000000, CreateTenants1763900000600];
