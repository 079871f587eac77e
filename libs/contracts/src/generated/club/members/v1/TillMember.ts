// Original file: proto/club/members/v1/members.proto


export interface TillMember {
  'id'?: (string);
  /**
   * current tier code; empty when the club has no ladder
   */
  'tier'?: (string);
  /**
   * whole days since enrolment
   */
  'tenureDays'?: (number);
  /**
   * names of the member's segments
   */
  'segments'?: (string)[];
  /**
   * names of the member's personas
   */
  'personas'?: (string)[];
  'journeyStage'?: (string);
  /**
   * the member's custom attributes as a JSON object
   */
  'attributesJson'?: (string);
  /**
   * YYYY-MM-DD (Gregorian), empty when unknown
   */
  'birthDate'?: (string);
}

export interface TillMember__Output {
  'id': (string);
  /**
   * current tier code; empty when the club has no ladder
   */
  'tier': (string);
  /**
   * whole days since enrolment
   */
  'tenureDays': (number);
  /**
   * names of the member's segments
   */
  'segments': (string)[];
  /**
   * names of the member's personas
   */
  'personas': (string)[];
  'journeyStage': (string);
  /**
   * the member's custom attributes as a JSON object
   */
  'attributesJson': (string);
  /**
   * YYYY-MM-DD (Gregorian), empty when unknown
   */
  'birthDate': (string);
}
