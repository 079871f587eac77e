// Original file: proto/club/feedback/v1/feedback.proto


export interface ListSurveysRequest {
  /**
   * empty for all
   */
  'status'?: (string);
}

export interface ListSurveysRequest__Output {
  /**
   * empty for all
   */
  'status': (string);
}
