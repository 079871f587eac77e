// Original file: proto/club/feedback/v1/feedback.proto

import type { Survey as _club_feedback_v1_Survey, Survey__Output as _club_feedback_v1_Survey__Output } from '../../../club/feedback/v1/Survey';

export interface ListSurveysResponse {
  'surveys'?: (_club_feedback_v1_Survey)[];
}

export interface ListSurveysResponse__Output {
  'surveys': (_club_feedback_v1_Survey__Output)[];
}
