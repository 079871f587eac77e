// Original file: proto/club/members/v1/members.proto

import type { Card as _club_members_v1_Card, Card__Output as _club_members_v1_Card__Output } from '../../../club/members/v1/Card';

export interface ListCardsResponse {
  'cards'?: (_club_members_v1_Card)[];
}

export interface ListCardsResponse__Output {
  'cards': (_club_members_v1_Card__Output)[];
}
