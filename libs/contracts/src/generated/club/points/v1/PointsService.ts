// Original file: proto/club/points/v1/points.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Balance as _club_points_v1_Balance, Balance__Output as _club_points_v1_Balance__Output } from '../../../club/points/v1/Balance';
import type { EarnForCheckoutRequest as _club_points_v1_EarnForCheckoutRequest, EarnForCheckoutRequest__Output as _club_points_v1_EarnForCheckoutRequest__Output } from '../../../club/points/v1/EarnForCheckoutRequest';
import type { EarnForCheckoutResponse as _club_points_v1_EarnForCheckoutResponse, EarnForCheckoutResponse__Output as _club_points_v1_EarnForCheckoutResponse__Output } from '../../../club/points/v1/EarnForCheckoutResponse';
import type { EarnRate as _club_points_v1_EarnRate, EarnRate__Output as _club_points_v1_EarnRate__Output } from '../../../club/points/v1/EarnRate';
import type { GetBalanceRequest as _club_points_v1_GetBalanceRequest, GetBalanceRequest__Output as _club_points_v1_GetBalanceRequest__Output } from '../../../club/points/v1/GetBalanceRequest';
import type { GetEarnRateRequest as _club_points_v1_GetEarnRateRequest, GetEarnRateRequest__Output as _club_points_v1_GetEarnRateRequest__Output } from '../../../club/points/v1/GetEarnRateRequest';

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
  
  GetEarnRate(argument: _club_points_v1_GetEarnRateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  GetEarnRate(argument: _club_points_v1_GetEarnRateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  GetEarnRate(argument: _club_points_v1_GetEarnRateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  GetEarnRate(argument: _club_points_v1_GetEarnRateRequest, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  getEarnRate(argument: _club_points_v1_GetEarnRateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  getEarnRate(argument: _club_points_v1_GetEarnRateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  getEarnRate(argument: _club_points_v1_GetEarnRateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  getEarnRate(argument: _club_points_v1_GetEarnRateRequest, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  
  /**
   * The tenant's flat earn rate: `points` for every `per_amount` minor currency units.
   */
  SetEarnRate(argument: _club_points_v1_EarnRate, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  SetEarnRate(argument: _club_points_v1_EarnRate, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  SetEarnRate(argument: _club_points_v1_EarnRate, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  SetEarnRate(argument: _club_points_v1_EarnRate, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  /**
   * The tenant's flat earn rate: `points` for every `per_amount` minor currency units.
   */
  setEarnRate(argument: _club_points_v1_EarnRate, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  setEarnRate(argument: _club_points_v1_EarnRate, metadata: grpc.Metadata, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  setEarnRate(argument: _club_points_v1_EarnRate, options: grpc.CallOptions, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  setEarnRate(argument: _club_points_v1_EarnRate, callback: grpc.requestCallback<_club_points_v1_EarnRate__Output>): grpc.ClientUnaryCall;
  
}

export interface PointsServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Credit the points a checkout earns. Idempotent per tenant and transaction_id:
   * the same request again returns the first response with replayed = true;
   * a different request under the same transaction_id is ALREADY_EXISTS (HTTP 409).
   */
  EarnForCheckout: grpc.handleUnaryCall<_club_points_v1_EarnForCheckoutRequest__Output, _club_points_v1_EarnForCheckoutResponse>;
  
  GetBalance: grpc.handleUnaryCall<_club_points_v1_GetBalanceRequest__Output, _club_points_v1_Balance>;
  
  GetEarnRate: grpc.handleUnaryCall<_club_points_v1_GetEarnRateRequest__Output, _club_points_v1_EarnRate>;
  
  /**
   * The tenant's flat earn rate: `points` for every `per_amount` minor currency units.
   */
  SetEarnRate: grpc.handleUnaryCall<_club_points_v1_EarnRate__Output, _club_points_v1_EarnRate>;
  
}

export interface PointsServiceDefinition extends grpc.ServiceDefinition {
  EarnForCheckout: MethodDefinition<_club_points_v1_EarnForCheckoutRequest, _club_points_v1_EarnForCheckoutResponse, _club_points_v1_EarnForCheckoutRequest__Output, _club_points_v1_EarnForCheckoutResponse__Output>
  GetBalance: MethodDefinition<_club_points_v1_GetBalanceRequest, _club_points_v1_Balance, _club_points_v1_GetBalanceRequest__Output, _club_points_v1_Balance__Output>
  GetEarnRate: MethodDefinition<_club_points_v1_GetEarnRateRequest, _club_points_v1_EarnRate, _club_points_v1_GetEarnRateRequest__Output, _club_points_v1_EarnRate__Output>
  SetEarnRate: MethodDefinition<_club_points_v1_EarnRate, _club_points_v1_EarnRate, _club_points_v1_EarnRate__Output, _club_points_v1_EarnRate__Output>
}
