// Original file: proto/club/points/v1/points.proto

import type { Long } from '@grpc/proto-loader';

export interface LedgerEntry {
  'id'?: (string);
  /**
   * earn | activate | hold | capture | release | redeem | refund | expire | reverse | adjust | forgive | settle
   */
  'kind'?: (string);
  /**
   * always positive; from/to say which way
   */
  'points'?: (number | string | Long);
  /**
   * outside | pending | available | held | spent | expired | (empty for memos)
   */
  'from'?: (string);
  'to'?: (string);
  /**
   * the operation that wrote it, <kind>:<id>: earn:<transaction>, hold:/redeem:/capture:/release:<redemption>, return:<return>, adjust:<adjustment>, activate:<transaction or job>, expire:<job>
   */
  'reference'?: (string);
  'reason'?: (string);
  'operator'?: (string);
  'createdAt'?: (string);
}

export interface LedgerEntry__Output {
  'id': (string);
  /**
   * earn | activate | hold | capture | release | redeem | refund | expire | reverse | adjust | forgive | settle
   */
  'kind': (string);
  /**
   * always positive; from/to say which way
   */
  'points': (number);
  /**
   * outside | pending | available | held | spent | expired | (empty for memos)
   */
  'from': (string);
  'to': (string);
  /**
   * the operation that wrote it, <kind>:<id>: earn:<transaction>, hold:/redeem:/capture:/release:<redemption>, return:<return>, adjust:<adjustment>, activate:<transaction or job>, expire:<job>
   */
  'reference': (string);
  'reason': (string);
  'operator': (string);
  'createdAt': (string);
}
