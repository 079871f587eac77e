// Original file: proto/club/campaigns/v1/campaigns.proto


export interface JsonDocument {
  'json'?: (string);
}

export interface JsonDocument__Output {
  'json': (string);
}
