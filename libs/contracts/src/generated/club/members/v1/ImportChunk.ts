// Original file: proto/club/members/v1/members.proto


export interface ImportChunk {
  'importId'?: (string);
  /**
   * 0, 1, 2 … in file order
   */
  'seq'?: (number);
  'content'?: (string);
}

export interface ImportChunk__Output {
  'importId': (string);
  /**
   * 0, 1, 2 … in file order
   */
  'seq': (number);
  'content': (string);
}
