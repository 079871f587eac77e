import { CreateOutboxAndInbox1763900000000 } from '@club/platform-kafka';
import { CreateCampaigns1763900000300 } from './1763900000300-create-campaigns';
import { CampaignVersions1763900000310 } from './1763900000310-campaign-versions';
import { Coupons1763900000320 } from './1763900000320-coupons';
import { CampaignCounters1763900000330 } from './1763900000330-campaign-counters';
import { ApplicationReversal1763900000340 } from './1763900000340-application-reversal';
import { Rewards1763900000350 } from './1763900000350-rewards';
import { Gamification1763900000360 } from './1763900000360-gamification';
import { CampaignSettings1763900000370 } from './1763900000370-campaign-settings';
import { CampaignReplays1763900000375 } from './1763900000375-campaign-replays';
import { IssuedCoupons1763900000380 } from './1763900000380-issued-coupons';

/** Every migration of the campaigns database, in order. */
export const CAMPAIGNS_MIGRATIONS = [CreateOutboxAndInbox1763900000000, CreateCampaigns1763900000300, CampaignVersions1763900000310, Coupons1763900000320, CampaignCounters1763900000330, ApplicationReversal1763900000340, Rewards1763900000350, Gamification1763900000360, CampaignSettings1763900000370, CampaignReplays1763900000375, IssuedCoupons1763900000380];
