import { CreateOutboxAndInbox1763900000000 } from '@club/platform-kafka';
import { CreateSurveys1763900000400 } from './1763900000400-create-surveys';

/** Every migration of the feedback database, in order. */
export const FEEDBACK_MIGRATIONS = [CreateOutboxAndInbox1763900000000, CreateSurveys1763900000400];
