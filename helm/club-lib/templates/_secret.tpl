{{/*
Chart-owned Secret of one service, holding the secret env values not taken from an existing
Secret: the database URL given as a value, and generated values (e.g. the gateway's admin
token), which are kept across upgrades by reading the live Secret back with lookup.
*/}}
{{- define "club-lib.secret" -}}
{{- $ctx := . -}}
{{- $name := include "club-lib.fullname" . -}}
{{- $data := dict -}}
{{- range (include "club-lib.secretEnv" . | fromJsonArray) -}}
{{- if .chartKey -}}
{{- $value := .value -}}
{{- if .generate -}}
{{- $live := lookup "v1" "Secret" $ctx.root.Release.Namespace $name -}}
{{- $value = (index (default dict (get (default dict $live) "data")) .chartKey) | default "" | b64dec -}}
{{- $value = $value | default (randAlphaNum 48) -}}
{{- end -}}
{{- $_ := set $data .chartKey ($value | b64enc) -}}
{{- end -}}
{{- end -}}
{{- if $data }}
---
apiVersion: v1
kind: Secret
metadata:
  name: {{ $name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "club-lib.labels" . | nindent 4 }}
type: Opaque
data:
  {{- toYaml $data | nindent 2 }}
{{- end }}
{{- end }}
