{{/*
NetworkPolicy of one service (when networkPolicy.enabled). Selecting the pods makes all
ingress not listed here denied; allowed are:
  - a public service's HTTP port from networkPolicy.publicFrom (empty: from anywhere),
  - the gRPC port from the services the topology lists as its callers,
  - the HTTP port (metrics) from the Prometheus peer in networkPolicy.metrics (unless
    already open to anyone),
  - <service>.networkPolicy.extraIngress.
With networkPolicy.egress.enabled, egress is denied too except DNS, the gRPC ports of the
services it calls, networkPolicy.egress.to (Kafka, PostgreSQL, OTLP …) and extraEgress.
*/}}
{{- define "club-lib.networkPolicy" -}}
{{- $np := .root.Values.networkPolicy -}}
{{- if $np.enabled }}
{{- $ctx := . -}}
{{- $root := .root -}}
{{- $own := default dict .v.networkPolicy -}}
{{- $callees := include "club-lib.callees" . | fromJsonArray }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "club-lib.fullname" . }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "club-lib.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "club-lib.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    {{- if $np.egress.enabled }}
    - Egress
    {{- end }}
  ingress:
    {{- if eq .role.public true }}
    - ports:
        - port: {{ include "club-lib.httpPort" . }}
          protocol: TCP
      {{- with $np.publicFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- end }}
    {{- with .role.grpcCallers }}
    - ports:
        - port: {{ include "club-lib.grpcPort" $ctx }}
          protocol: TCP
      from:
        {{- range . }}
        - podSelector:
            matchLabels:
              {{- include "club-lib.selectorLabels" (dict "root" $root "service" .) | nindent 14 }}
        {{- end }}
    {{- end }}
    {{- if not (and (eq .role.public true) (empty $np.publicFrom)) }}
    - ports:
        - port: {{ include "club-lib.httpPort" . }}
          protocol: TCP
      from:
        - namespaceSelector:
            {{- toYaml (default dict $np.metrics.namespaceSelector) | nindent 12 }}
          {{- with $np.metrics.podSelector }}
          podSelector:
            {{- toYaml . | nindent 12 }}
          {{- end }}
    {{- end }}
    {{- with $own.extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- if $np.egress.enabled }}
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
      {{- with $np.egress.dns }}
      to:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- with $callees }}
    - ports:
        - port: {{ include "club-lib.grpcPort" $ctx }}
          protocol: TCP
      to:
        {{- range . }}
        - podSelector:
            matchLabels:
              {{- include "club-lib.selectorLabels" (dict "root" $root "service" .) | nindent 14 }}
        {{- end }}
    {{- end }}
    {{- with $np.egress.to }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $own.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- end }}
{{- end }}
{{- end }}
