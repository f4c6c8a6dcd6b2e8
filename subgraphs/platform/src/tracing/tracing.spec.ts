import { startTracing } from './tracing';

describe('startTracing', () => {
  it('is off without an OTLP endpoint, and when the SDK is disabled', () => {
    expect(startTracing({})).toBeNull();
    expect(startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' })).toBeNull();
  });
});
