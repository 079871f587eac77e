// Original file: proto/club/points/v1/points.proto


export interface JsonDocument {
  'json'?: (string);
}

export interface JsonDocument__Output {
  'json': (string);
}
