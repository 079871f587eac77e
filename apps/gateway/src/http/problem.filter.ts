import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { LOGGER } from '@club/platform-nest';
import { isGrpcError, problem, problemFromGrpc, ProblemException, type Problem } from './problem';

/** Every HTTP error leaves the gateway as application/problem+json (RFC 9457). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  private readonly rpc = new BaseRpcExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return this.rpc.catch(exception, host); // the gateway's own gRPC server
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const req = ctx.getRequest<FastifyRequest>();
    const p = toProblem(exception, this.logger);
    void reply.code(p.status).header('content-type', 'application/problem+json; charset=utf-8');
    if (p.status === 401) {
      const admin = req.url.startsWith('/v1/admin/');
      void reply.header('www-authenticate', admin ? 'Bearer realm="customer-club-admin"' : 'ApiKey realm="customer-club", header="X-Api-Key"');
    }
    if (p.status === 503 || p.status === 429) void reply.header('retry-after', '1');
    void reply.send({ ...p, instance: req.url.split('?')[0] });
    return undefined;
  }
}

export function toProblem(exception: unknown, logger: Logger): Problem {
  if (exception instanceof ProblemException) return exception.problem;
  if (isGrpcError(exception)) {
    const p = problemFromGrpc(exception).problem;
    if (p.status >= 500) logger.error({ grpc_code: exception.code, err: exception }, 'service call failed');
    return p;
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) return problem(404, 'not-found', 'Not Found', 'No such route.').problem;
    if (status === 400 && /JSON/i.test(exception.message)) {
      return problem(400, 'malformed-json', 'Bad Request', 'The request body is not valid JSON.').problem;
    }
    return problem(status, 'http', STATUS_CODES[status] ?? 'Error', exception.message).problem;
  }
  const fastifyErr = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyErr.statusCode === 'number' && fastifyErr.statusCode < 500) {
    if (fastifyErr.code?.startsWith('FST_ERR_CTP_') && fastifyErr.statusCode === 400) {
      return problem(400, 'malformed-json', 'Bad Request', 'The request body is not valid JSON.').problem;
    }
    if (fastifyErr.statusCode === 415) {
      return problem(415, 'unsupported-media-type', 'Unsupported Media Type', 'Send JSON with content-type: application/json.').problem;
    }
    return problem(fastifyErr.statusCode, 'http', STATUS_CODES[fastifyErr.statusCode] ?? 'Error', fastifyErr.message).problem;
  }
  logger.error({ err: exception }, 'unhandled error');
  return problem(500, 'internal', 'Internal Server Error').problem;
}
