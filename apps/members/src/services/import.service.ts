import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ImportJobView, TenantContext } from '@club/contracts';
import { failedPrecondition, Ids, invalidArgument, JobWorker, LOGGER, notFound, UnitOfWork } from '@club/platform-nest';
import { analyseHeader, CsvReader, JsonLinesReader, mapImportRow, type CsvRecord, type HeaderAnalysis, type JsonLinesRecord } from '../domain/import-rows';
import { ImportRepository, type ImportJob } from '../repositories/import.repository';
import { MembersService } from './members.service';

const LEASE_MS = 60_000;
const MAX_CHUNKS = 10_000;

const toView = (j: ImportJob): ImportJobView => ({
  id: j.id,
  format: j.format,
  birthDateCalendar: j.birthDateCalendar,
  status: j.status,
  recordsDone: j.recordsDone,
  imported: j.imported,
  updated: j.updated,
  unchanged: j.unchanged,
  failed: j.failed,
  errors: [...j.errors],
  warnings: [...j.warnings],
  error: j.error,
  createdAt: j.createdAt.toISOString(),
  startedAt: j.startedAt?.toISOString() ?? null,
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

type AnyRecord = CsvRecord | JsonLinesRecord;

/**
 * Bulk import of an existing customer base (CSV or JSON Lines) as an asynchronous job: the file
 * is uploaded in chunks, then a worker streams it, validates every row, upserts members by phone
 * in batches (one transaction each, with the progress counters and the line-numbered error
 * report), and resumes after a crash by skipping the records already done. Re-running the same
 * file changes nothing: every row is then "unchanged".
 */
@Injectable()
export class ImportService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: JobWorker<ImportJob>;
  /** Records per batch (one transaction each). */
  batchSize = 500;

  constructor(
    private readonly imports: ImportRepository,
    private readonly members: MembersService,
    private readonly uow: UnitOfWork,
    private readonly ids: Ids,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.worker = new JobWorker('member-import', () => this.imports.claimJob(LEASE_MS), (job) => this.processJob(job), logger);
  }

  private get stopping(): boolean {
    return this.worker.stopping;
  }

  async createImport(tenant: TenantContext, input: { format: 'csv' | 'jsonl'; birthDateCalendar?: 'jalali' | 'gregorian' }): Promise<ImportJobView> {
    const job = await this.imports.createJob({
      tenantId: tenant.tenantId,
      id: this.ids.uuid(),
      format: input.format,
      birthDateCalendar: input.birthDateCalendar ?? null,
      timezone: tenant.timezone,
      calendar: tenant.calendar,
      locale: tenant.locale,
      currency: tenant.currency,
    });
    return toView(job);
  }

  async appendChunk(tenant: TenantContext, importId: string, seq: number, content: string): Promise<void> {
    if (seq < 0 || seq >= MAX_CHUNKS) throw invalidArgument('chunk number out of range', [{ pointer: '#/seq', detail: `0 to ${MAX_CHUNKS - 1}` }]);
    const job = await this.imports.findJob(tenant.tenantId, importId);
    if (!job) throw notFound('import not found');
    if (job.status !== 'uploading') throw failedPrecondition('the upload of this import is closed');
    await this.imports.appendChunk(tenant.tenantId, importId, seq, content);
  }

  async startImport(tenant: TenantContext, importId: string): Promise<ImportJobView> {
    const job = await this.imports.findJob(tenant.tenantId, importId);
    if (!job) throw notFound('import not found');
    if (job.status === 'uploading') {
      const { count, maxSeq } = await this.imports.chunkStats(tenant.tenantId, importId);
      if (count === 0) throw failedPrecondition('the file is empty');
      if (maxSeq !== count - 1) throw failedPrecondition(`chunks are missing: ${count} received, numbered up to ${maxSeq}`);
      await this.imports.markPending(tenant.tenantId, importId);
      this.worker.kick();
    }
    return this.getImport(tenant, importId);
  }

  async getImport(tenant: TenantContext, id: string): Promise<ImportJobView> {
    const job = await this.imports.findJob(tenant.tenantId, id);
    if (!job) throw notFound('import not found');
    return toView(job);
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /** Processes claimable imports until none is left (tests and the benchmark call it directly). */
  drain(): Promise<void> {
    return this.worker.drain();
  }

  /** Streams the file from the first chunk, skipping what earlier (crashed) runs finished. */
  async processJob(job: ImportJob): Promise<void> {
    const started = Date.now();
    const tenant: TenantContext = { tenantId: job.tenantId, timezone: job.timezone, calendar: job.calendar, currency: job.currency, locale: job.locale };
    const outcome = await this.worker.settle(
      () => this.streamFile(job, tenant),
      (status, error) => this.imports.finishJob(job.tenantId, job.id, status, error),
      { import_id: job.id },
    );
    if (outcome !== 'completed') return; // a database outage leaves it running: claimed again after the lease, it resumes
    await this.imports.deleteChunks(job.tenantId, job.id); // the uploaded customer file is not kept
    const done = await this.imports.findJob(job.tenantId, job.id);
    this.logger.info(
      { import_id: job.id, records: done?.recordsDone, imported: done?.imported, updated: done?.updated, failed: done?.failed, ms: Date.now() - started },
      'member import completed',
    );
  }

  /** Streams the file in batches from where earlier runs stopped; 'stopped' when the worker stops or the job was fenced. */
  private async streamFile(job: ImportJob, tenant: TenantContext): Promise<'done' | 'stopped'> {
    const defs = await this.members.listAttributes(tenant);
    const csv = job.format === 'csv' ? new CsvReader() : undefined;
    const jsonl = job.format === 'jsonl' ? new JsonLinesReader() : undefined;
    let header: HeaderAnalysis | undefined;
    let skip = job.recordsDone;
    let expectedDone = job.recordsDone;
    let pending: AnyRecord[] = [];
    const chunks = await this.imports.chunkCount(job.tenantId, job.id);
    const lastLine = await this.lastLinePerPhone(job, chunks);
    const flush = async (): Promise<boolean> => {
      const batch = pending;
      pending = [];
      const ok = await this.runBatch(job, tenant, batch, header, defs, expectedDone, lastLine);
      expectedDone += batch.length;
      return ok;
    };
    const take = async (records: AnyRecord[]): Promise<boolean> => {
      for (const r of records) {
        if (csv && !header) {
          header = analyseHeader((r as CsvRecord).fields);
          if (header.missingRequired.length > 0) throw new Error(`the header lacks required columns: ${header.missingRequired.join(', ')}`);
          const warnings = [
            ...header.unknownColumns.map((c) => `unknown column ignored: ${c}`),
            ...header.invalidColumns.map((c) => `column ${c.column}: ${c.reason}`),
          ];
          if (warnings.length > 0) await this.imports.setWarnings(job.tenantId, job.id, warnings);
          continue;
        }
        if (skip > 0) {
          skip--;
          continue;
        }
        pending.push(r);
        if (pending.length >= this.batchSize && !(await flush())) return false;
      }
      return true;
    };
    for (let seq = 0; seq < chunks; seq++) {
      if (this.stopping) return 'stopped';
      const text = (await this.imports.readChunk(job.tenantId, job.id, seq)) ?? '';
      if (!(await take(csv ? csv.push(text) : jsonl!.push(text)))) return 'stopped';
    }
    if (!(await take(csv ? csv.end() : jsonl!.end()))) return 'stopped';
    if (pending.length > 0 && !(await flush())) return 'stopped';
    return 'done';
  }

  /** A first pass over the file: the last line on which each phone appears. */
  private async lastLinePerPhone(job: ImportJob, chunks: number): Promise<Map<string, number>> {
    const last = new Map<string, number>();
    const csv = job.format === 'csv' ? new CsvReader() : undefined;
    const jsonl = job.format === 'jsonl' ? new JsonLinesReader() : undefined;
    let header: HeaderAnalysis | undefined;
    const see = (records: AnyRecord[]): void => {
      for (const r of records) {
        if (csv && !header) {
          header = analyseHeader((r as CsvRecord).fields);
          continue;
        }
        const mapped = 'fields' in r ? mapImportRow(r, { header: header! }) : mapImportRow(r);
        if (mapped.ok) last.set(mapped.row.phone, mapped.line);
      }
    };
    for (let seq = 0; seq < chunks; seq++) {
      const text = (await this.imports.readChunk(job.tenantId, job.id, seq)) ?? '';
      see(csv ? csv.push(text) : jsonl!.push(text));
    }
    see(csv ? csv.end() : jsonl!.end());
    return last;
  }

  /** One batch, one transaction: rows, counters and error report commit together. False if the job is no longer ours. */
  private async runBatch(
    job: ImportJob,
    tenant: TenantContext,
    records: AnyRecord[],
    header: HeaderAnalysis | undefined,
    defs: Awaited<ReturnType<MembersService['listAttributes']>>,
    expectedDone: number,
    lastLine: ReadonlyMap<string, number>,
  ): Promise<boolean> {
    const options = job.birthDateCalendar ? { birthDateCalendar: job.birthDateCalendar } : {};
    return this.uow.run(async (m) => {
      const current = await this.imports.lockJob(m, job.tenantId, job.id);
      // Fencing: if another worker took the job over (lease expired) and advanced it, stop here.
      if (!current || current.status !== 'running' || current.recordsDone !== expectedDone) return false;
      const tally = { imported: 0, updated: 0, unchanged: 0, failed: 0 };
      const errors: { line: number; field: string; reason: string }[] = [];
      const mapped = records.map((record) => ('fields' in record ? mapImportRow(record, { ...options, header: header! }) : mapImportRow(record, options)));
      for (const r of mapped) {
        if (r.ok) continue;
        tally.failed++;
        errors.push(...r.errors.map((e) => ({ line: r.line, ...e })));
      }
      // Rows are applied in phone order (stable, so a later line for the same phone still wins):
      // two imports running at once then lock members in the same order and cannot deadlock.
      // A phone given on several lines: only its last line is applied (so running the same file
      // again changes nothing); the earlier lines count as unchanged.
      const superseded = mapped.filter((r) => r.ok && lastLine.get(r.row.phone) !== r.line).length;
      tally.unchanged += superseded;
      const good = mapped.flatMap((r) => (r.ok && lastLine.get(r.row.phone) === r.line ? [r] : [])).sort((a, b) => (a.row.phone < b.row.phone ? -1 : a.row.phone > b.row.phone ? 1 : 0));
      for (const r of good) {
        const outcome = await this.members.importMember(m, tenant, r.row, defs);
        if (typeof outcome === 'object') {
          tally.failed++;
          errors.push(...outcome.errors.map((e) => ({ line: r.line, ...e })));
        } else tally[outcome]++;
      }
      errors.sort((a, b) => a.line - b.line);
      await this.imports.advanceJob(m, job.tenantId, job.id, { records: records.length, ...tally, errors }, LEASE_MS);
      return true;
    });
  }
}
