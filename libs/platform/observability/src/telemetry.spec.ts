import { instrumentationsFromEnv, tracesSamplerFromEnv } from './telemetry';

describe('telemetry settings from the environment', () => {
  it.each([
    [{}, 'ParentBased{root=AlwaysOnSampler'],
    [{ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }, 'ParentBased{root=TraceIdRatioBased{0.1}'],
    [{ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio' }, 'ParentBased{root=TraceIdRatioBased{1}'],
    [{ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '7' }, 'ParentBased{root=TraceIdRatioBased{1}'],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }, 'TraceIdRatioBased{0.25}'],
    [{ OTEL_TRACES_SAMPLER: 'always_off' }, 'AlwaysOffSampler'],
    [{ OTEL_TRACES_SAMPLER: 'always_on' }, 'AlwaysOnSampler'],
    [{ OTEL_TRACES_SAMPLER: 'parentbased_always_off' }, 'ParentBased{root=AlwaysOffSampler'],
    [{ OTEL_TRACES_SAMPLER: 'nonsense' }, 'ParentBased{root=AlwaysOnSampler'],
  ])('%j samples with %s', (env, sampler) => {
    expect(tracesSamplerFromEnv(env).toString().startsWith(sampler)).toBe(true);
  });

  it('patches pg only with OTEL_PG_SPANS=true', () => {
    const names = (env: NodeJS.ProcessEnv) => {
      const list = instrumentationsFromEnv(env);
      for (const i of list) i.disable();
      return list.map((i) => i.instrumentationName);
    };
    expect(names({})).toEqual(['@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-grpc']);
    expect(names({ OTEL_PG_SPANS: 'false' })).toEqual(['@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-grpc']);
    expect(names({ OTEL_PG_SPANS: 'true' })).toEqual(['@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-grpc', '@opentelemetry/instrumentation-pg']);
  });
});
