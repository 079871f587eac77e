{{/*
Every resource of one service. Args: (dict "root" $ "service" name "topology" dict).
Optional resources render only when their values turn them on.
*/}}
{{- define "club-lib.workload" -}}
{{- $out := dict -}}
{{- $_ := include "club-lib.context" (merge (dict "out" $out) .) -}}
{{- $ctx := $out.ctx -}}
{{- include "club-lib.serviceAccount" $ctx }}
{{- include "club-lib.secret" $ctx }}
{{- include "club-lib.deployment" $ctx }}
{{- include "club-lib.service" $ctx }}
{{- include "club-lib.podDisruptionBudget" $ctx }}
{{- include "club-lib.horizontalPodAutoscaler" $ctx }}
{{- include "club-lib.networkPolicy" $ctx }}
{{- include "club-lib.serviceMonitor" $ctx }}
{{- include "club-lib.ingress" $ctx }}
{{- end }}
