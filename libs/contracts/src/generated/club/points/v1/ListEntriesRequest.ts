// Original file: proto/club/points/v1/points.proto


export interface ListEntriesRequest {
  'memberId'?: (string);
  /**
   * from the previous page; empty for the first
   */
  'cursor'?: (string);
  /**
   * 1-200; 0 = 50
   */
  'limit'?: (number);
}

export interface ListEntriesRequest__Output {
  'memberId': (string);
  /**
   * from the previous page; empty for the first
   */
  'cursor': (string);
  /**
   * 1-200; 0 = 50
   */
  'limit': (number);
}
