// Original file: proto/club/members/v1/members.proto


export interface Member {
  'id'?: (string);
  'cardNumber'?: (string);
  /**
   * E.164
   */
  'phone'?: (string);
  'firstName'?: (string);
  'lastName'?: (string);
  'email'?: (string);
  'birthDate'?: (string);
  'locale'?: (string);
  'createdAt'?: (string);
  /**
   * MemberProfile (libs/contracts member-profile.ts) as JSON
   */
  'profileJson'?: (string);
  /**
   * this member's own code for inviting others
   */
  'referralCode'?: (string);
  /**
   * the referrer's member id, empty if none
   */
  'referredBy'?: (string);
  'journeyStage'?: (string);
}

export interface Member__Output {
  'id': (string);
  'cardNumber': (string);
  /**
   * E.164
   */
  'phone': (string);
  'firstName': (string);
  'lastName': (string);
  'email': (string);
  'birthDate': (string);
  'locale': (string);
  'createdAt': (string);
  /**
   * MemberProfile (libs/contracts member-profile.ts) as JSON
   */
  'profileJson': (string);
  /**
   * this member's own code for inviting others
   */
  'referralCode': (string);
  /**
   * the referrer's member id, empty if none
   */
  'referredBy': (string);
  'journeyStage': (string);
}
