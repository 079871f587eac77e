// Original file: proto/club/feedback/v1/feedback.proto


export interface Survey {
  'id'?: (string);
  'title'?: (string);
  'status'?: (string);
  'createdAt'?: (string);
}

export interface Survey__Output {
  'id': (string);
  'title': (string);
  'status': (string);
  'createdAt': (string);
}
