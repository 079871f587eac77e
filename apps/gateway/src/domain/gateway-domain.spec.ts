import fc from 'fast-check';
import { formatApiKey, hashApiKey, parseApiKey } from './api-key';
import { canonicalJson, requestHash } from './request-hash';

describe('api keys', () => {
  it('round-trips the tenant id and rejects malformed keys', () => {
    const tenantId = '0b6f1c1e-8a2b-4c3d-9e4f-123456789abc';
    const key = formatApiKey(tenantId, 'A'.repeat(43));
    expect(parseApiKey(key)).toEqual({ tenantId });
    expect(parseApiKey('ck_123_abc')).toBeUndefined();
    expect(parseApiKey(`${key}!`)).toBeUndefined();
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('request hash', () => {
  it('ignores key order and undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }], c: undefined })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });

  it('is stable under any reordering of keys (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(requestHash(reversed)).toBe(requestHash(obj));
      }),
    );
  });
});
