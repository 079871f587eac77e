// Original file: proto/club/feedback/v1/feedback.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListSurveysRequest as _club_feedback_v1_ListSurveysRequest, ListSurveysRequest__Output as _club_feedback_v1_ListSurveysRequest__Output } from '../../../club/feedback/v1/ListSurveysRequest';
import type { ListSurveysResponse as _club_feedback_v1_ListSurveysResponse, ListSurveysResponse__Output as _club_feedback_v1_ListSurveysResponse__Output } from '../../../club/feedback/v1/ListSurveysResponse';

export interface FeedbackServiceClient extends grpc.Client {
  ListSurveys(argument: _club_feedback_v1_ListSurveysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_feedback_v1_ListSurveysResponse__Output>): grpc.ClientUnaryCall;
  ListSurveys(argument: _club_feedback_v1_ListSurveysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_feedback_v1_ListSurveysResponse__Output>): grpc.ClientUnaryCall;
  ListSurveys(argument: _club_feedback_v1_ListSurveysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_feedback_v1_ListSurveysResponse__Output>): grpc.ClientUnaryCall;
  ListSurveys(argument: _club_feedback_v1_ListSurveysRequest, callback: grpc.requestCallback<_club_feedback_v1_ListSurveysResponse__Output>): grpc.ClientUnaryCall;
  listSurveys(argument: _club_feedback_v1_ListSurveysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_feedback_v1_ListSurveysResponse__Output>): grpc.ClientUnaryCall;
  listSurveys(argument: _club_feedback_v1_ListSurveysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_feedback_v1_ListSurveysResponse__Output>): grpc.ClientUnaryCall;
  listSurveys(argument: _club_feedback_v1_ListSurveysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_feedback_v1_ListSurveysResponse__Output>): grpc.ClientUnaryCall;
  listSurveys(argument: _club_feedback_v1_ListSurveysRequest, callback: grpc.requestCallback<_club_feedback_v1_ListSurveysResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface FeedbackServiceHandlers extends grpc.UntypedServiceImplementation {
  ListSurveys: grpc.handleUnaryCall<_club_feedback_v1_ListSurveysRequest__Output, _club_feedback_v1_ListSurveysResponse>;
  
}

export interface FeedbackServiceDefinition extends grpc.ServiceDefinition {
  ListSurveys: MethodDefinition<_club_feedback_v1_ListSurveysRequest, _club_feedback_v1_ListSurveysResponse, _club_feedback_v1_ListSurveysRequest__Output, _club_feedback_v1_ListSurveysResponse__Output>
}
