{{/* Service of one service: HTTP 8080 (health, metrics, the gateway's API) and gRPC 50051. */}}
{{- define "club-lib.service" -}}
{{- $svc := default dict .v.service }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "club-lib.fullname" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "club-lib.labels" . | nindent 4 }}
  {{- with $svc.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ ternary (default "ClusterIP" $svc.type) "ClusterIP" (eq .role.public true) }}
  selector:
    {{- include "club-lib.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ include "club-lib.httpPort" . }}
      targetPort: http
      protocol: TCP
      appProtocol: http
    - name: grpc
      port: {{ include "club-lib.grpcPort" . }}
      targetPort: grpc
      protocol: TCP
      appProtocol: kubernetes.io/h2c
{{- end }}
