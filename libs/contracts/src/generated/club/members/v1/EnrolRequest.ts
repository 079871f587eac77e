// Original file: proto/club/members/v1/members.proto


export interface EnrolRequest {
  /**
   * any accepted Iranian form; stored as E.164
   */
  'phone'?: (string);
  'firstName'?: (string);
  'lastName'?: (string);
  'email'?: (string);
  /**
   * ISO date (YYYY-MM-DD), empty when unknown (kept for simple clients)
   */
  'birthDate'?: (string);
  /**
   * optional ProfileFields (libs/contracts member-profile.ts) as JSON
   */
  'profileJson'?: (string);
  /**
   * the referrer's code, if the member was invited
   */
  'referralCode'?: (string);
}

export interface EnrolRequest__Output {
  /**
   * any accepted Iranian form; stored as E.164
   */
  'phone': (string);
  'firstName': (string);
  'lastName': (string);
  'email': (string);
  /**
   * ISO date (YYYY-MM-DD), empty when unknown (kept for simple clients)
   */
  'birthDate': (string);
  /**
   * optional ProfileFields (libs/contracts member-profile.ts) as JSON
   */
  'profileJson': (string);
  /**
   * the referrer's code, if the member was invited
   */
  'referralCode': (string);
}
