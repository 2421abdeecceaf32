import { describe, expect, test } from "bun:test";
import { ProbeError } from "../../src/probe_error.ts";
import { DEFAULT_INTERVAL_MS, exportConfig } from "../../src/telemetry/export_config.ts";
import { telemetryResource } from "../../src/telemetry/sdk_pipeline.ts";

describe("export config", () => {
  test("no flag and no variable means no telemetry at all", () => {
    expect(exportConfig({}, {})).toBeUndefined();
    expect(exportConfig({}, { OTEL_SERVICE_NAME: "x" })).toBeUndefined();
  });

  test("--otlp sends metrics and spans to the signal paths under its URL", () => {
    const config = exportConfig({ otlp: "http://collector:4318/" }, {});
    expect(config?.metrics.otlp).toEqual({ url: "http://collector:4318/v1/metrics" });
    expect(config?.traces.otlp).toEqual({ url: "http://collector:4318/v1/traces" });
    expect(config?.metrics.prometheus).toBeUndefined();
    expect(config?.intervalMs).toBe(DEFAULT_INTERVAL_MS);
  });

  test("OTEL_EXPORTER_OTLP_ENDPOINT turns OTLP on and leaves the URL to the exporter", () => {
    const config = exportConfig({}, { OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_METRIC_EXPORT_INTERVAL: "2500" });
    expect(config?.metrics.otlp).toEqual({});
    expect(config?.traces.otlp).toEqual({});
    expect(config?.intervalMs).toBe(2500);
  });

  test("a per-signal endpoint turns on only that signal", () => {
    const config = exportConfig({}, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://c:4318/v1/traces" });
    expect(config?.traces.otlp).toEqual({});
    expect(config?.metrics.otlp).toBeUndefined();
  });

  test("OTEL_METRICS_EXPORTER and OTEL_TRACES_EXPORTER choose exporters, none included", () => {
    const config = exportConfig({}, { OTEL_METRICS_EXPORTER: "prometheus,console", OTEL_TRACES_EXPORTER: "none",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_EXPORTER_PROMETHEUS_PORT: "9999" });
    expect(config?.metrics.prometheus).toEqual({ host: "localhost", port: 9999 });
    expect(config?.metrics.console).toBe(true);
    expect(config?.metrics.otlp).toBeUndefined();
    expect(config?.traces.otlp).toBeUndefined();
  });

  test("OTEL_SDK_DISABLED ignores the variables but not the flags", () => {
    expect(exportConfig({}, { OTEL_SDK_DISABLED: "true", OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" })).toBeUndefined();
    expect(exportConfig({ console: true }, { OTEL_SDK_DISABLED: "true" })?.traces.console).toBe(true);
  });

  test("--prometheus takes a port or host:port", () => {
    expect(exportConfig({ prometheus: "9464" }, {})?.metrics.prometheus).toEqual({ host: "localhost", port: 9464 });
    expect(exportConfig({ prometheus: "0.0.0.0:9100" }, {})?.metrics.prometheus).toEqual({ host: "0.0.0.0", port: 9100 });
    expect(exportConfig({ prometheus: "[::1]:9100" }, {})?.metrics.prometheus).toEqual({ host: "::1", port: 9100 });
  });

  test("bad flags are usage errors that say what is expected", () => {
    expect(() => exportConfig({ prometheus: "http" }, {})).toThrow(/--prometheus needs a port/);
    expect(() => exportConfig({ prometheus: "70000" }, {})).toThrow(ProbeError);
    expect(() => exportConfig({ otlp: "localhost:4318" }, {})).toThrow(/--otlp needs an http or https URL/);
    expect(() => exportConfig({ otlp: "not a url" }, {})).toThrow(/--otlp needs a URL/);
  });

  test("unsupported exporters and protocols are warnings, not failures", () => {
    const config = exportConfig({ otlp: "http://c:4318" }, { OTEL_TRACES_EXPORTER: "zipkin",
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" });
    expect(config?.warnings.join("\n")).toContain("OTEL_TRACES_EXPORTER 'zipkin' is not supported");
    expect(config?.warnings.join("\n")).toContain("OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported");
    expect(config?.traces.otlp?.url).toBe("http://c:4318/v1/traces");
  });
});

describe("telemetry resource", () => {
  test("service.name is tsbpf unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say otherwise", () => {
    const saved = { name: process.env.OTEL_SERVICE_NAME, attrs: process.env.OTEL_RESOURCE_ATTRIBUTES };
    try {
      delete process.env.OTEL_SERVICE_NAME;
      delete process.env.OTEL_RESOURCE_ATTRIBUTES;
      const plain = telemetryResource("probe.ts").attributes;
      expect(plain["service.name"]).toBe("tsbpf");
      expect(plain["tsbpf.probe"]).toBe("probe.ts");
      process.env.OTEL_RESOURCE_ATTRIBUTES = "deployment.environment=test,service.name=from-attrs";
      expect(telemetryResource("probe.ts").attributes["service.name"]).toBe("from-attrs");
      process.env.OTEL_SERVICE_NAME = "checkout";
      const named = telemetryResource("probe.ts").attributes;
      expect(named["service.name"]).toBe("checkout");
      expect(named["deployment.environment"]).toBe("test");
    } finally {
      for (const [key, value] of [["OTEL_SERVICE_NAME", saved.name], ["OTEL_RESOURCE_ATTRIBUTES", saved.attrs]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
