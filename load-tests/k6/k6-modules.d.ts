/**
 * The few k6 modules the scenarios in load-tests/ use, typed just enough for `tsc` and the typed
 * lint rules (k6 itself strips the types: it runs .ts scripts natively since v0.57). Not the
 * complete k6 API; add what a new script needs. Reference: https://grafana.com/docs/k6/latest/javascript-api/
 */
declare module 'k6' {
  export function check<T>(value: T, checks: Record<string, (v: T) => boolean>, tags?: Record<string, string>): boolean;
  export function sleep(seconds: number): void;
  export function fail(message?: string): never;
}

declare module 'k6/http' {
  export interface Params {
    headers?: Record<string, string>;
    tags?: Record<string, string>;
    timeout?: string;
    responseType?: 'text' | 'binary' | 'none';
  }
  export interface Response {
    readonly status: number;
    readonly body: string | null;
    readonly error: string;
    readonly error_code: number;
    readonly timings: { readonly duration: number; readonly waiting: number };
  }
  const http: {
    post(url: string, body: string, params?: Params): Response;
    get(url: string, params?: Params): Response;
  };
  export default http;
}

declare module 'k6/metrics' {
  export class Counter {
    constructor(name: string);
    add(value: number, tags?: Record<string, string>): void;
  }
  export class Rate {
    constructor(name: string);
    add(value: boolean | number, tags?: Record<string, string>): void;
  }
  export class Trend {
    constructor(name: string, isTime?: boolean);
    add(value: number, tags?: Record<string, string>): void;
  }
}

declare module 'k6/data' {
  export class SharedArray<T> {
    constructor(name: string, load: () => T[]);
    readonly length: number;
    [index: number]: T;
  }
}

declare module 'k6/execution' {
  const exec: {
    readonly scenario: { readonly name: string; readonly iterationInTest: number; readonly startTime: number };
    readonly instance: { readonly currentTestRunDuration: number };
    readonly vu: { readonly idInTest: number };
  };
  export default exec;
}
