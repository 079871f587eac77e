import { status as GrpcStatus } from '@grpc/grpc-js';
import type { z } from 'zod';
import type { RpcProblem } from '@club/contracts';

export interface FieldError {
  readonly pointer: string;
  readonly detail: string;
}

/** An RFC 9457 problem; `errors` lists the offending fields as JSON pointers into the request. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
}

const TYPE_BASE = 'https://customer-club.dev/problems/';

export class ProblemException extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export function problem(status: number, slug: string, title: string, detail?: string, errors?: readonly FieldError[]): ProblemException {
  return new ProblemException({ type: `${TYPE_BASE}${slug}`, title, status, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) });
}

export const notFoundProblem = (detail = 'No such resource in this club.'): ProblemException =>
  problem(404, 'not-found', 'Not Found', detail);

export function validationProblem(error: z.ZodError, prefix = ''): ProblemException {
  return problem(
    400,
    'validation',
    'Bad Request',
    'The request has invalid fields.',
    error.issues.map((i) => ({ pointer: `#${prefix}/${i.path.map(String).join('/')}`, detail: i.message })),
  );
}

/** Maps a service's gRPC error (whose message is a JSON RpcProblem) to an HTTP problem. */
export function problemFromGrpc(err: { code?: number; details?: string }): ProblemException {
  let parsed: RpcProblem | undefined;
  try {
    parsed = err.details ? (JSON.parse(err.details) as RpcProblem) : undefined;
  } catch {
    parsed = undefined;
  }
  const detail = parsed?.detail;
  const errors = parsed?.errors;
  switch ((err.code ?? GrpcStatus.UNKNOWN) as GrpcStatus) {
    case GrpcStatus.INVALID_ARGUMENT:
      return problem(400, 'validation', 'Bad Request', detail, errors);
    case GrpcStatus.NOT_FOUND:
      return problem(404, 'not-found', 'Not Found', detail);
    case GrpcStatus.ALREADY_EXISTS:
      return problem(409, 'conflict', 'Conflict', detail, errors);
    case GrpcStatus.FAILED_PRECONDITION:
      return problem(422, 'unprocessable', 'Unprocessable Content', detail, errors);
    case GrpcStatus.RESOURCE_EXHAUSTED:
      return problem(429, 'too-many-requests', 'Too Many Requests', detail ?? 'Slow down and retry later.');
    case GrpcStatus.UNAVAILABLE:
    case GrpcStatus.DEADLINE_EXCEEDED:
      return problem(503, 'unavailable', 'Service Unavailable', 'A service behind the gateway did not answer in time; retry with the same request.');
    default:
      return problem(500, 'internal', 'Internal Server Error');
  }
}

export function isGrpcError(err: unknown): err is { code: number; details: string } {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'number' && 'details' in err && 'metadata' in err;
}
