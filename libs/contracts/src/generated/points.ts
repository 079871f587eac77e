import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AcceptPendingRequest as _club_points_v1_AcceptPendingRequest, AcceptPendingRequest__Output as _club_points_v1_AcceptPendingRequest__Output } from './club/points/v1/AcceptPendingRequest';
import type { AdjustRequest as _club_points_v1_AdjustRequest, AdjustRequest__Output as _club_points_v1_AdjustRequest__Output } from './club/points/v1/AdjustRequest';
import type { AdjustResponse as _club_points_v1_AdjustResponse, AdjustResponse__Output as _club_points_v1_AdjustResponse__Output } from './club/points/v1/AdjustResponse';
import type { Balance as _club_points_v1_Balance, Balance__Output as _club_points_v1_Balance__Output } from './club/points/v1/Balance';
import type { CampaignEffect as _club_points_v1_CampaignEffect, CampaignEffect__Output as _club_points_v1_CampaignEffect__Output } from './club/points/v1/CampaignEffect';
import type { CheckoutItem as _club_points_v1_CheckoutItem, CheckoutItem__Output as _club_points_v1_CheckoutItem__Output } from './club/points/v1/CheckoutItem';
import type { EarnForCheckoutRequest as _club_points_v1_EarnForCheckoutRequest, EarnForCheckoutRequest__Output as _club_points_v1_EarnForCheckoutRequest__Output } from './club/points/v1/EarnForCheckoutRequest';
import type { EarnForCheckoutResponse as _club_points_v1_EarnForCheckoutResponse, EarnForCheckoutResponse__Output as _club_points_v1_EarnForCheckoutResponse__Output } from './club/points/v1/EarnForCheckoutResponse';
import type { EarnRate as _club_points_v1_EarnRate, EarnRate__Output as _club_points_v1_EarnRate__Output } from './club/points/v1/EarnRate';
import type { EntryPage as _club_points_v1_EntryPage, EntryPage__Output as _club_points_v1_EntryPage__Output } from './club/points/v1/EntryPage';
import type { GetBalanceRequest as _club_points_v1_GetBalanceRequest, GetBalanceRequest__Output as _club_points_v1_GetBalanceRequest__Output } from './club/points/v1/GetBalanceRequest';
import type { GetEarnRateRequest as _club_points_v1_GetEarnRateRequest, GetEarnRateRequest__Output as _club_points_v1_GetEarnRateRequest__Output } from './club/points/v1/GetEarnRateRequest';
import type { JsonDocument as _club_points_v1_JsonDocument, JsonDocument__Output as _club_points_v1_JsonDocument__Output } from './club/points/v1/JsonDocument';
import type { LedgerEntry as _club_points_v1_LedgerEntry, LedgerEntry__Output as _club_points_v1_LedgerEntry__Output } from './club/points/v1/LedgerEntry';
import type { ListEntriesRequest as _club_points_v1_ListEntriesRequest, ListEntriesRequest__Output as _club_points_v1_ListEntriesRequest__Output } from './club/points/v1/ListEntriesRequest';
import type { PointsServiceClient as _club_points_v1_PointsServiceClient, PointsServiceDefinition as _club_points_v1_PointsServiceDefinition } from './club/points/v1/PointsService';
import type { RedeemRequest as _club_points_v1_RedeemRequest, RedeemRequest__Output as _club_points_v1_RedeemRequest__Output } from './club/points/v1/RedeemRequest';
import type { RedemptionRef as _club_points_v1_RedemptionRef, RedemptionRef__Output as _club_points_v1_RedemptionRef__Output } from './club/points/v1/RedemptionRef';
import type { RedemptionResponse as _club_points_v1_RedemptionResponse, RedemptionResponse__Output as _club_points_v1_RedemptionResponse__Output } from './club/points/v1/RedemptionResponse';
import type { ReturnItem as _club_points_v1_ReturnItem, ReturnItem__Output as _club_points_v1_ReturnItem__Output } from './club/points/v1/ReturnItem';
import type { ReturnRequest as _club_points_v1_ReturnRequest, ReturnRequest__Output as _club_points_v1_ReturnRequest__Output } from './club/points/v1/ReturnRequest';
import type { ReturnResponse as _club_points_v1_ReturnResponse, ReturnResponse__Output as _club_points_v1_ReturnResponse__Output } from './club/points/v1/ReturnResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  club: {
    points: {
      v1: {
        AcceptPendingRequest: MessageTypeDefinition<_club_points_v1_AcceptPendingRequest, _club_points_v1_AcceptPendingRequest__Output>
        AdjustRequest: MessageTypeDefinition<_club_points_v1_AdjustRequest, _club_points_v1_AdjustRequest__Output>
        AdjustResponse: MessageTypeDefinition<_club_points_v1_AdjustResponse, _club_points_v1_AdjustResponse__Output>
        Balance: MessageTypeDefinition<_club_points_v1_Balance, _club_points_v1_Balance__Output>
        CampaignEffect: MessageTypeDefinition<_club_points_v1_CampaignEffect, _club_points_v1_CampaignEffect__Output>
        CheckoutItem: MessageTypeDefinition<_club_points_v1_CheckoutItem, _club_points_v1_CheckoutItem__Output>
        EarnForCheckoutRequest: MessageTypeDefinition<_club_points_v1_EarnForCheckoutRequest, _club_points_v1_EarnForCheckoutRequest__Output>
        EarnForCheckoutResponse: MessageTypeDefinition<_club_points_v1_EarnForCheckoutResponse, _club_points_v1_EarnForCheckoutResponse__Output>
        EarnRate: MessageTypeDefinition<_club_points_v1_EarnRate, _club_points_v1_EarnRate__Output>
        EntryPage: MessageTypeDefinition<_club_points_v1_EntryPage, _club_points_v1_EntryPage__Output>
        GetBalanceRequest: MessageTypeDefinition<_club_points_v1_GetBalanceRequest, _club_points_v1_GetBalanceRequest__Output>
        GetEarnRateRequest: MessageTypeDefinition<_club_points_v1_GetEarnRateRequest, _club_points_v1_GetEarnRateRequest__Output>
        JsonDocument: MessageTypeDefinition<_club_points_v1_JsonDocument, _club_points_v1_JsonDocument__Output>
        LedgerEntry: MessageTypeDefinition<_club_points_v1_LedgerEntry, _club_points_v1_LedgerEntry__Output>
        ListEntriesRequest: MessageTypeDefinition<_club_points_v1_ListEntriesRequest, _club_points_v1_ListEntriesRequest__Output>
        PointsService: SubtypeConstructor<typeof grpc.Client, _club_points_v1_PointsServiceClient> & { service: _club_points_v1_PointsServiceDefinition }
        RedeemRequest: MessageTypeDefinition<_club_points_v1_RedeemRequest, _club_points_v1_RedeemRequest__Output>
        RedemptionRef: MessageTypeDefinition<_club_points_v1_RedemptionRef, _club_points_v1_RedemptionRef__Output>
        RedemptionResponse: MessageTypeDefinition<_club_points_v1_RedemptionResponse, _club_points_v1_RedemptionResponse__Output>
        ReturnItem: MessageTypeDefinition<_club_points_v1_ReturnItem, _club_points_v1_ReturnItem__Output>
        ReturnRequest: MessageTypeDefinition<_club_points_v1_ReturnRequest, _club_points_v1_ReturnRequest__Output>
        ReturnResponse: MessageTypeDefinition<_club_points_v1_ReturnResponse, _club_points_v1_ReturnResponse__Output>
      }
    }
  }
}

