import { CreateOutboxAndInbox1763900000000 } from '@club/platform-kafka';
import { CreateMembers1763900000200 } from './1763900000200-create-members';
import { MemberProfiles1763900000210 } from './1763900000210-member-profiles';
import { ActivityTiersReferrals1763900000220 } from './1763900000220-activity-tiers-referrals';
import { TierReviews1763900000230 } from './1763900000230-tier-reviews';
import { MemberImports1763900000240 } from './1763900000240-member-imports';
import { MemberErasure1763900000250 } from './1763900000250-member-erasure';
import { MemberScores1763900000260 } from './1763900000260-member-scores';
import { Segments1763900000270 } from './1763900000270-segments';
import { JourneySettings1763900000280 } from './1763900000280-journey-settings';
import { TierReviewedThrough1763900000290 } from './1763900000290-tier-reviewed-through';
import { MemberPasses1763900000300 } from './1763900000300-member-passes';
import { PurchaseReturns1763900000310 } from './1763900000310-purchase-returns';
import { DeclareAttributes1763900000315 } from './1763900000315-declare-attributes';

/** Every migration of the members database, in order. */
export const MEMBERS_MIGRATIONS = [
  CreateOutboxAndInbox1763900000000,
  CreateMembers1763900000200,
  MemberProfiles1763900000210,
  ActivityTiersReferrals1763900000220,
  TierReviews1763900000230,
  MemberImports1763900000240,
  MemberErasure1763900000250,
  MemberScores1763900000260,
  Segments1763900000270,
  JourneySettings1763900000280,
  TierReviewedThrough1763900000290,
  MemberPasses1763900000300,
  PurchaseReturns1763900000310,
  DeclareAttributes1763900000315,
];
