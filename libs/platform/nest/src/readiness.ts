import { Injectable } from '@nestjs/common';

export type ReadinessCheck = () => Promise<boolean>;

/** Named dependency checks behind /readyz and the gRPC health service. */
@Injectable()
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private shuttingDown = false;
  private started = false;
  private readonly shutdownListeners: (() => void)[] = [];

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** Called once every server listens and the infrastructure checks are registered. */
  markStarted(): void {
    this.started = true;
  }

  markShuttingDown(): void {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    for (const l of this.shutdownListeners) l();
  }

  onShutdown(listener: () => void): void {
    this.shutdownListeners.push(listener);
  }

  /** Liveness: the process is up and not shutting down (dependencies are readiness's business). */
  isLive(): boolean {
    return !this.shuttingDown;
  }

  async evaluate(): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
    const names = [...this.checks.keys()];
    const results = await Promise.all([...this.checks.values()].map((c) => c().catch(() => false)));
    const checks = Object.fromEntries(names.map((n, i) => [n, results[i]]));
    if (this.shuttingDown) checks.shutdown = false;
    if (!this.started) checks.started = false;
    return { ready: this.started && !this.shuttingDown && results.every(Boolean), checks };
  }
}
