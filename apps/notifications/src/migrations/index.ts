import { CreateOutboxAndInbox1763900000000 } from '@club/platform-kafka';
import { CreateInbox1763900000500 } from './1763900000500-create-inbox';

/** Every migration of the notifications database, in order. */
export const NOTIFICATIONS_MIGRATIONS = [CreateOutboxAndInbox1763900000000, CreateInbox1763900000500];
