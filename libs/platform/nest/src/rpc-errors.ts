import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import type { z } from 'zod';
import type { RpcProblem } from '@club/contracts';

/**
 * A gRPC error whose message is a JSON problem (detail + offending fields). The gateway turns it
 * into an RFC 9457 problem response; other callers can read the detail as text.
 */
export function rpcError(code: status, detail: string, errors?: RpcProblem['errors']): RpcException {
  const problem: RpcProblem = errors ? { detail, errors } : { detail };
  return new RpcException({ code, message: JSON.stringify(problem) });
}

export const notFound = (detail: string): RpcException => rpcError(status.NOT_FOUND, detail);
export const invalidArgument = (detail: string, errors?: RpcProblem['errors']): RpcException =>
  rpcError(status.INVALID_ARGUMENT, detail, errors);
export const alreadyExists = (detail: string, errors?: RpcProblem['errors']): RpcException =>
  rpcError(status.ALREADY_EXISTS, detail, errors);
export const failedPrecondition = (detail: string, errors?: RpcProblem['errors']): RpcException =>
  rpcError(status.FAILED_PRECONDITION, detail, errors);

/** Validates a gRPC request with the edge's schema; INVALID_ARGUMENT with the offending fields otherwise. */
export function validateRpc<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw invalidArgument(
    'invalid request',
    r.error.issues.map((i) => ({ pointer: `#/${i.path.join('/')}`, detail: i.message })),
  );
}

export const internalError = (detail: string): RpcException => rpcError(status.INTERNAL, detail);
