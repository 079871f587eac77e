import { httpAccessLogLevel, rpcAccessLogLevel } from './access-log';

describe('access log levels', () => {
  it.each([
    [201, 3, 'debug'],
    [304, 3, 'debug'],
    [201, 1000, 'info'],
    [404, 3, 'info'],
    [409, 3, 'info'],
    [500, 3, 'warn'],
    [503, 2000, 'warn'],
  ] as const)('HTTP %i in %i ms (slow from 1000 ms) → %s', (status, ms, level) => {
    expect(httpAccessLogLevel(status, ms, 1000)).toBe(level);
  });

  it.each([
    ['OK', 2.5, 'debug'],
    ['OK', 1500, 'info'],
    ['NOT_FOUND', 1, 'info'],
    ['ALREADY_EXISTS', 1, 'info'],
    ['FAILED_PRECONDITION', 1, 'info'],
    ['INVALID_ARGUMENT', 1, 'info'],
    ['UNAVAILABLE', 1, 'warn'],
    ['INTERNAL', 1, 'warn'],
    ['UNKNOWN', 1, 'warn'],
    ['DEADLINE_EXCEEDED', 1, 'warn'],
  ] as const)('gRPC %s in %f ms (slow from 1000 ms) → %s', (code, ms, level) => {
    expect(rpcAccessLogLevel(code, ms, 1000)).toBe(level);
  });

  it('logs every call at info or above with a threshold of 0 (the former behaviour)', () => {
    expect(httpAccessLogLevel(200, 0.1, 0)).toBe('info');
    expect(rpcAccessLogLevel('OK', 0.1, 0)).toBe('info');
  });
});
