import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { importRequestSchema, type TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentTenant } from './auth';
import { problem } from './problem';
import { parse } from './validate';

/**
 * Bulk member import: POST the file itself (text/csv, or application/x-ndjson for JSON Lines, up
 * to 64 MiB) and poll the job. Good rows are imported, bad rows are reported by line.
 */
@Controller('v1/member-imports')
export class ImportsController {
  constructor(private readonly club: ClubService) {}

  @Post()
  @HttpCode(202)
  start(@CurrentTenant() tenant: TenantContext, @Query() query: unknown, @Body() body: unknown, @Req() req: FastifyRequest) {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim();
    const format = type === 'text/csv' ? 'csv' : type === 'application/x-ndjson' || type === 'application/jsonl' ? 'jsonl' : undefined;
    if (!format || typeof body !== 'string') {
      throw problem(415, 'unsupported-media-type', 'Unsupported Media Type', 'Send the file as text/csv or application/x-ndjson (JSON Lines).');
    }
    const options = parse(importRequestSchema.omit({ format: true }), query);
    return this.club.startImport(tenant, { format, ...options }, body);
  }

  @Get(':id')
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getImport(tenant, id);
  }
}
