import { Metadata } from '@grpc/grpc-js';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import type { Logger } from 'pino';
import { of } from 'rxjs';
import { tenantToMetadata } from '@club/platform-nest';
import type { LedgerJobRepository } from '../repositories/ledger-job.repository';
import { TenantDirectoryInterceptor } from './tenant-directory.interceptor';

const tenant = { tenantId: '7f8a7a52-3d4c-4b55-9c35-1d6c0c7e0a11', timezone: 'Asia/Tehran', calendar: 'jalali' as const, currency: 'IRR', locale: 'fa' as const };

const rpc = (md: Metadata | undefined): ExecutionContext =>
  ({ getType: () => 'rpc', switchToRpc: () => ({ getContext: () => md }) }) as unknown as ExecutionContext;
const next: CallHandler = { handle: () => of('answer') };
const flush = () => new Promise((r) => setImmediate(r));

describe('TenantDirectoryInterceptor', () => {
  function build(remember: jest.Mock) {
    const warn = jest.fn();
    const interceptor = new TenantDirectoryInterceptor({ rememberTenant: remember } as unknown as LedgerJobRepository, { warn } as unknown as Logger);
    return { interceptor, warn };
  }

  it('remembers a tenant once per zone, calendar and currency, without holding up the call', async () => {
    const remember = jest.fn().mockResolvedValue(undefined);
    const { interceptor } = build(remember);
    interceptor.intercept(rpc(tenantToMetadata(tenant, new Metadata())), next);
    interceptor.intercept(rpc(tenantToMetadata(tenant, new Metadata())), next);
    await flush();
    expect(remember).toHaveBeenCalledTimes(1);
    expect(remember).toHaveBeenCalledWith({ tenantId: tenant.tenantId, timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR' });
    interceptor.intercept(rpc(tenantToMetadata({ ...tenant, timezone: 'Europe/Berlin' }, new Metadata())), next);
    await flush();
    expect(remember).toHaveBeenCalledTimes(2);
  });

  it('ignores calls without tenant metadata and retries after a failed write', async () => {
    const remember = jest.fn().mockRejectedValueOnce(new Error('db down')).mockResolvedValue(undefined);
    const { interceptor, warn } = build(remember);
    interceptor.intercept(rpc(new Metadata()), next);
    interceptor.intercept(rpc(undefined), next);
    expect(remember).not.toHaveBeenCalled();
    interceptor.intercept(rpc(tenantToMetadata(tenant, new Metadata())), next);
    await flush();
    expect(warn).toHaveBeenCalledTimes(1);
    interceptor.intercept(rpc(tenantToMetadata(tenant, new Metadata())), next);
    await flush();
    expect(remember).toHaveBeenCalledTimes(2);
  });
});
