// Original file: proto/club/members/v1/members.proto


export interface Card {
  'cardNumber'?: (string);
  'memberId'?: (string);
  /**
   * active | blocked | replaced
   */
  'status'?: (string);
  'issuedAt'?: (string);
  /**
   * Code 128 content printed on the card
   */
  'barcodePayload'?: (string);
  /**
   * QR content for apps and wallets
   */
  'qrPayload'?: (string);
  'replacedBy'?: (string);
}

export interface Card__Output {
  'cardNumber': (string);
  'memberId': (string);
  /**
   * active | blocked | replaced
   */
  'status': (string);
  'issuedAt': (string);
  /**
   * Code 128 content printed on the card
   */
  'barcodePayload': (string);
  /**
   * QR content for apps and wallets
   */
  'qrPayload': (string);
  'replacedBy': (string);
}
