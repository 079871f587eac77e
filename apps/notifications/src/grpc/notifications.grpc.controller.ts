import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import type { InboxMessage, TenantContext } from '@club/contracts';
import { Tenant, validateRpc } from '@club/platform-nest';
import { InboxService } from '../services/inbox.service';

const listSchema = z.object({
  memberId: z.uuid(),
  limit: z.number().int().min(0).max(200).transform((v) => (v === 0 ? 50 : v)),
});

@Controller()
export class NotificationsGrpcController {
  constructor(private readonly inbox: InboxService) {}

  @GrpcMethod('NotificationsService', 'ListInbox')
  async listInbox(@Payload() req: { memberId: string; limit: number }, @Tenant() tenant: TenantContext): Promise<{ messages: InboxMessage[] }> {
    const { memberId, limit } = validateRpc(listSchema, req);
    const rows = await this.inbox.listInbox(tenant, memberId, limit);
    return {
      messages: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        locale: r.locale,
        createdAt: r.createdAt.toISOString(),
        sourceEventId: r.sourceEventId,
      })),
    };
  }
}
