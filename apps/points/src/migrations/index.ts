import { CreateOutboxAndInbox1763900000000 } from '@club/platform-kafka';
import { CreateLedger1763900000100 } from './1763900000100-create-ledger';

/** Every migration of the points database, in order. */
export const POINTS_MIGRATIONS = [CreateOutboxAndInbox1763900000000, CreateLedger1763900000100];
