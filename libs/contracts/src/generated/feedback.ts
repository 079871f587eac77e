import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { FeedbackServiceClient as _club_feedback_v1_FeedbackServiceClient, FeedbackServiceDefinition as _club_feedback_v1_FeedbackServiceDefinition } from './club/feedback/v1/FeedbackService';
import type { ListSurveysRequest as _club_feedback_v1_ListSurveysRequest, ListSurveysRequest__Output as _club_feedback_v1_ListSurveysRequest__Output } from './club/feedback/v1/ListSurveysRequest';
import type { ListSurveysResponse as _club_feedback_v1_ListSurveysResponse, ListSurveysResponse__Output as _club_feedback_v1_ListSurveysResponse__Output } from './club/feedback/v1/ListSurveysResponse';
import type { Survey as _club_feedback_v1_Survey, Survey__Output as _club_feedback_v1_Survey__Output } from './club/feedback/v1/Survey';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  club: {
    feedback: {
      v1: {
        FeedbackService: SubtypeConstructor<typeof grpc.Client, _club_feedback_v1_FeedbackServiceClient> & { service: _club_feedback_v1_FeedbackServiceDefinition }
        ListSurveysRequest: MessageTypeDefinition<_club_feedback_v1_ListSurveysRequest, _club_feedback_v1_ListSurveysRequest__Output>
        ListSurveysResponse: MessageTypeDefinition<_club_feedback_v1_ListSurveysResponse, _club_feedback_v1_ListSurveysResponse__Output>
        Survey: MessageTypeDefinition<_club_feedback_v1_Survey, _club_feedback_v1_Survey__Output>
      }
    }
  }
}

