// Original file: proto/club/points/v1/points.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Balance as _club_points_v1_Balance, Balance__Output as _club_points_v1_Balance__Output } from '../../../club/points/v1/Balance';
import type { EarnForCheckoutRequest as _club_points_v1_EarnForCheckoutRequest, EarnForCheckoutRequest__Output as _club_points_v1_EarnForCheckoutRequest__Output } from '../../../club/points/v1/EarnForCheckoutRequest';
import type { EarnForCheckoutResponse as _club_points_v1_EarnForCheckoutResponse, EarnForCheckoutResponse__Output as _club_points_v1_EarnForCheckoutResponse__Output } from '../../../club/points/v1/EarnForCheckoutResponse';
import type { GetBalanceRequest as _club_points_v1_GetBalanceRequest, GetBalanceRequest__Output as _club_points_v1_GetBalanceRequest__Output } from '../../../club/points/v1/GetBalanceRequest';

export interface PointsServiceClient extends grpc.Client {
  /**
   * Credit the points a checkout earns. Idempotent per tenant and transaction_id:
   * the same request again returns the first response with replayed = true;
   * a different request under the same transaction_id is ALREADY_EXISTS (HTTP 409).
   */
  EarnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  EarnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  EarnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  EarnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Credit the points a checkout earns. Idempotent per tenant and transaction_id:
   * the same request again returns the first response with replayed = true;
   * a different request under the same transaction_id is ALREADY_EXISTS (HTTP 409).
   */
  earnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  earnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  earnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  earnForCheckout(argument: _club_points_v1_EarnForCheckoutRequest, callback: grpc.requestCallback<_club_points_v1_EarnForCheckoutResponse__Output>): grpc.ClientUnaryCall;
  
  GetBalance(argument: _club_points_v1_GetBalanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  GetBalance(argument: _club_points_v1_GetBalanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  GetBalance(argument: _club_points_v1_GetBalanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  GetBalance(argument: _club_points_v1_GetBalanceRequest, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _club_points_v1_GetBalanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _club_points_v1_GetBalanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _club_points_v1_GetBalanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _club_points_v1_GetBalanceRequest, callback: grpc.requestCallback<_club_points_v1_Balance__Output>): grpc.ClientUnaryCall;
  
}

export interface PointsServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Credit the points a checkout earns. Idempotent per tenant and transaction_id:
   * the same request again returns the first response with replayed = true;
   * a different request under the same transaction_id is ALREADY_EXISTS (HTTP 409).
   */
  EarnForCheckout: grpc.handleUnaryCall<_club_points_v1_EarnForCheckoutRequest__Output, _club_points_v1_EarnForCheckoutResponse>;
  
  GetBalance: grpc.handleUnaryCall<_club_points_v1_GetBalanceRequest__Output, _club_points_v1_Balance>;
  
}

export interface PointsServiceDefinition extends grpc.ServiceDefinition {
  EarnForCheckout: MethodDefinition<_club_points_v1_EarnForCheckoutRequest, _club_points_v1_EarnForCheckoutResponse, _club_points_v1_EarnForCheckoutRequest__Output, _club_points_v1_EarnForCheckoutResponse__Output>
  GetBalance: MethodDefinition<_club_points_v1_GetBalanceRequest, _club_points_v1_Balance, _club_points_v1_GetBalanceRequest__Output, _club_points_v1_Balance__Output>
}
