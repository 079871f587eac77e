// Original file: proto/club/points/v1/points.proto

import type { Long } from '@grpc/proto-loader';

export interface CheckoutItem {
  'sku'?: (string);
  'category'?: (string);
  'quantity'?: (number | string | Long);
  'unitPrice'?: (number | string | Long);
}

export interface CheckoutItem__Output {
  'sku': (string);
  'category': (string);
  'quantity': (number);
  'unitPrice': (number);
}
