import { Metadata, status } from '@grpc/grpc-js';
import { isGrpcError, problemFromGrpc } from './problem';

const grpcError = (code: status, details: string) => ({ code, details, metadata: new Metadata() });

describe('problemFromGrpc', () => {
  it.each([
    [status.INVALID_ARGUMENT, 400],
    [status.NOT_FOUND, 404],
    [status.ALREADY_EXISTS, 409],
    [status.FAILED_PRECONDITION, 422],
    [status.UNAVAILABLE, 503],
    [status.DEADLINE_EXCEEDED, 503],
    [status.INTERNAL, 500],
  ])('maps gRPC %s to HTTP %d', (code, http) => {
    expect(problemFromGrpc(grpcError(code, '{"detail":"x"}')).problem.status).toBe(http);
  });

  it('carries the detail and offending fields of the service', () => {
    const p = problemFromGrpc(grpcError(status.INVALID_ARGUMENT, JSON.stringify({ detail: 'invalid phone', errors: [{ pointer: '#/phone', detail: 'not a mobile' }] }))).problem;
    expect(p).toMatchObject({ status: 400, detail: 'invalid phone', errors: [{ pointer: '#/phone', detail: 'not a mobile' }] });
  });

  it('never leaks internal error text', () => {
    const p = problemFromGrpc(grpcError(status.INTERNAL, 'relation "members" does not exist')).problem;
    expect(p.detail).toBeUndefined();
    expect(isGrpcError(grpcError(status.INTERNAL, ''))).toBe(true);
    expect(isGrpcError(new Error('x'))).toBe(false);
  });
});
