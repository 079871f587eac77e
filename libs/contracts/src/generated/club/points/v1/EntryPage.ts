// Original file: proto/club/points/v1/points.proto

import type { LedgerEntry as _club_points_v1_LedgerEntry, LedgerEntry__Output as _club_points_v1_LedgerEntry__Output } from '../../../club/points/v1/LedgerEntry';

export interface EntryPage {
  'items'?: (_club_points_v1_LedgerEntry)[];
  'nextCursor'?: (string);
}

export interface EntryPage__Output {
  'items': (_club_points_v1_LedgerEntry__Output)[];
  'nextCursor': (string);
}
