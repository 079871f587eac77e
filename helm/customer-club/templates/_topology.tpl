{{/*
Who calls whom — a property of the code, not a deployment choice, so it lives here rather
than in values.yaml. club-lib derives from it the NetworkPolicy callers, the egress rules and
the <SERVICE>_GRPC_ADDR env vars each caller receives (host:port of the callee's Service).

  public       exposed outside the cluster: Service type/Ingress allowed, HTTP open to
               networkPolicy.publicFrom
  grpcCallers  services allowed to call this service's gRPC port (50051)
  secretEnv    extra env vars read from a Secret: <env> from <service>.<values>
               (existingSecret/existingSecretKey, or value; generate: a random value is
               created once and kept across upgrades when neither is set)
*/}}
{{- define "customer-club.topology" -}}
gateway:
  public: true
  grpcCallers: []
  secretEnv:
    - env: CLUB_ADMIN_TOKEN
      values: adminToken
      generate: true
members:
  grpcCallers: [gateway, points, campaigns]
points:
  grpcCallers: [gateway, campaigns]
campaigns:
  grpcCallers: [gateway]
feedback:
  grpcCallers: [gateway]
notifications:
  grpcCallers: [gateway]
{{- end }}
