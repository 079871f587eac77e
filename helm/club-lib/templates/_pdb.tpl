{{/* PodDisruptionBudget of one service (when podDisruptionBudget.enabled). */}}
{{- define "club-lib.podDisruptionBudget" -}}
{{- if .v.podDisruptionBudget.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "club-lib.fullname" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "club-lib.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .v.podDisruptionBudget.maxUnavailable }}
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels:
      {{- include "club-lib.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}
