// Original file: proto/club/members/v1/members.proto


export interface AttributeDefinition {
  'key'?: (string);
  /**
   * string | number | boolean | date | enum
   */
  'type'?: (string);
  'label'?: (string);
  'options'?: (string)[];
}

export interface AttributeDefinition__Output {
  'key': (string);
  /**
   * string | number | boolean | date | enum
   */
  'type': (string);
  'label': (string);
  'options': (string)[];
}
