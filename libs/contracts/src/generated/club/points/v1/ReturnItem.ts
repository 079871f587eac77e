// Original file: proto/club/points/v1/points.proto

import type { Long } from '@grpc/proto-loader';

export interface ReturnItem {
  'sku'?: (string);
  'quantity'?: (number | string | Long);
}

export interface ReturnItem__Output {
  'sku': (string);
  'quantity': (number);
}
