// Original file: proto/club/campaigns/v1/campaigns.proto


export interface Campaign {
  'id'?: (string);
  'name'?: (string);
  'status'?: (string);
  'createdAt'?: (string);
}

export interface Campaign__Output {
  'id': (string);
  'name': (string);
  'status': (string);
  'createdAt': (string);
}
