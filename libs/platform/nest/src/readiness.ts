import { Injectable } from '@nestjs/common';

export type ReadinessCheck = () => Promise<boolean>;

/** Named dependency checks behind /readyz and the gRPC health service. */
@Injectable()
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private shuttingDown = false;

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async evaluate(): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
    const names = [...this.checks.keys()];
    const results = await Promise.all([...this.checks.values()].map((c) => c().catch(() => false)));
    const checks = Object.fromEntries(names.map((n, i) => [n, results[i]]));
    if (this.shuttingDown) checks.shutdown = false;
    return { ready: !this.shuttingDown && results.every(Boolean), checks };
  }
}
