// Original file: proto/club/gateway/v1/gateway.proto


export interface Tenant {
  'id'?: (string);
  'name'?: (string);
  /**
   * IANA zone, e.g. Asia/Tehran
   */
  'timezone'?: (string);
  /**
   * jalali | gregorian
   */
  'calendar'?: (string);
  /**
   * ISO 4217
   */
  'currency'?: (string);
  /**
   * fa | en
   */
  'locale'?: (string);
  'createdAt'?: (string);
}

export interface Tenant__Output {
  'id': (string);
  'name': (string);
  /**
   * IANA zone, e.g. Asia/Tehran
   */
  'timezone': (string);
  /**
   * jalali | gregorian
   */
  'calendar': (string);
  /**
   * ISO 4217
   */
  'currency': (string);
  /**
   * fa | en
   */
  'locale': (string);
  'createdAt': (string);
}
