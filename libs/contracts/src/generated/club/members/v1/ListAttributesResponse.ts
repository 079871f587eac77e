// Original file: proto/club/members/v1/members.proto

import type { AttributeDefinition as _club_members_v1_AttributeDefinition, AttributeDefinition__Output as _club_members_v1_AttributeDefinition__Output } from '../../../club/members/v1/AttributeDefinition';

export interface ListAttributesResponse {
  'attributes'?: (_club_members_v1_AttributeDefinition)[];
}

export interface ListAttributesResponse__Output {
  'attributes': (_club_members_v1_AttributeDefinition__Output)[];
}
