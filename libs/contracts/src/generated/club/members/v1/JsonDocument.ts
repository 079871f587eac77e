// Original file: proto/club/members/v1/members.proto


/**
 * A document validated by the zod schema the RPC names (libs/contracts), for nested, evolving shapes.
 */
export interface JsonDocument {
  'json'?: (string);
}

/**
 * A document validated by the zod schema the RPC names (libs/contracts), for nested, evolving shapes.
 */
export interface JsonDocument__Output {
  'json': (string);
}
