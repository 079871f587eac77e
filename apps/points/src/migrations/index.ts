import { CreateOutboxAndInbox1763900000000 } from '@club/platform-kafka';
import { CreateLedger1763900000100 } from './1763900000100-create-ledger';
import { LotsAndOperations1763900000110 } from './1763900000110-lots-and-operations';
import { LedgerJobs1763900000120 } from './1763900000120-ledger-jobs';
import { CampaignProvenance1763900000130 } from './1763900000130-campaign-provenance';

/** Every migration of the points database, in order. */
export const POINTS_MIGRATIONS = [CreateOutboxAndInbox1763900000000, CreateLedger1763900000100, LotsAndOperations1763900000110, LedgerJobs1763900000120, CampaignProvenance1763900000130];
