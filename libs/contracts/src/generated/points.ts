import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Balance as _club_points_v1_Balance, Balance__Output as _club_points_v1_Balance__Output } from './club/points/v1/Balance';
import type { CheckoutItem as _club_points_v1_CheckoutItem, CheckoutItem__Output as _club_points_v1_CheckoutItem__Output } from './club/points/v1/CheckoutItem';
import type { EarnForCheckoutRequest as _club_points_v1_EarnForCheckoutRequest, EarnForCheckoutRequest__Output as _club_points_v1_EarnForCheckoutRequest__Output } from './club/points/v1/EarnForCheckoutRequest';
import type { EarnForCheckoutResponse as _club_points_v1_EarnForCheckoutResponse, EarnForCheckoutResponse__Output as _club_points_v1_EarnForCheckoutResponse__Output } from './club/points/v1/EarnForCheckoutResponse';
import type { EarnRate as _club_points_v1_EarnRate, EarnRate__Output as _club_points_v1_EarnRate__Output } from './club/points/v1/EarnRate';
import type { GetBalanceRequest as _club_points_v1_GetBalanceRequest, GetBalanceRequest__Output as _club_points_v1_GetBalanceRequest__Output } from './club/points/v1/GetBalanceRequest';
import type { GetEarnRateRequest as _club_points_v1_GetEarnRateRequest, GetEarnRateRequest__Output as _club_points_v1_GetEarnRateRequest__Output } from './club/points/v1/GetEarnRateRequest';
import type { PointsServiceClient as _club_points_v1_PointsServiceClient, PointsServiceDefinition as _club_points_v1_PointsServiceDefinition } from './club/points/v1/PointsService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  club: {
    points: {
      v1: {
        Balance: MessageTypeDefinition<_club_points_v1_Balance, _club_points_v1_Balance__Output>
        CheckoutItem: MessageTypeDefinition<_club_points_v1_CheckoutItem, _club_points_v1_CheckoutItem__Output>
        EarnForCheckoutRequest: MessageTypeDefinition<_club_points_v1_EarnForCheckoutRequest, _club_points_v1_EarnForCheckoutRequest__Output>
        EarnForCheckoutResponse: MessageTypeDefinition<_club_points_v1_EarnForCheckoutResponse, _club_points_v1_EarnForCheckoutResponse__Output>
        EarnRate: MessageTypeDefinition<_club_points_v1_EarnRate, _club_points_v1_EarnRate__Output>
        GetBalanceRequest: MessageTypeDefinition<_club_points_v1_GetBalanceRequest, _club_points_v1_GetBalanceRequest__Output>
        GetEarnRateRequest: MessageTypeDefinition<_club_points_v1_GetEarnRateRequest, _club_points_v1_GetEarnRateRequest__Output>
        PointsService: SubtypeConstructor<typeof grpc.Client, _club_points_v1_PointsServiceClient> & { service: _club_points_v1_PointsServiceDefinition }
      }
    }
  }
}

