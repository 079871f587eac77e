import { CreateOutboxAndInbox1763900000000 } from '@club/platform-kafka';
import { CreateCampaigns1763900000300 } from './1763900000300-create-campaigns';
import { CampaignVersions1763900000310 } from './1763900000310-campaign-versions';
import { Coupons1763900000320 } from './1763900000320-coupons';
import { CampaignCounters1763900000330 } from './1763900000330-campaign-counters';

/** Every migration of the campaigns database, in order. */
export const CAMPAIGNS_MIGRATIONS = [CreateOutboxAndInbox1763900000000, CreateCampaigns1763900000300, CampaignVersions1763900000310, Coupons1763900000320, CampaignCounters1763900000330];
