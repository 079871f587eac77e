{{/*
club-lib — shared templates for the customer-club services.

Entry point: "club-lib.workload", called once per service by the umbrella chart:

  {{ include "club-lib.workload" (dict "root" $ "service" "members" "topology" $topology) }}

  root      the umbrella chart's top-level context ($)
  service   the service's name; its values live at .Values.<service>
  topology  the call graph, fixed in code (the umbrella's _topology.tpl):
              <service>:
                public: bool         exposed outside the cluster (Service type, Ingress, open 8080)
                grpcCallers: [svc]   services allowed to call its gRPC port
                secretEnv:           extra env vars read from Secrets (see club-lib.secretEnv)

Every other template here takes the context built by "club-lib.context":
  root, service, topology, v (the service's values merged over .Values.defaults).
*/}}

{{/* Ports are part of the services' contract, not configuration. */}}
{{- define "club-lib.httpPort" -}}8080{{- end }}
{{- define "club-lib.grpcPort" -}}50051{{- end }}

{{/* Value of the app.kubernetes.io/name label: nameOverride or the chart's name. */}}
{{- define "club-lib.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every resource name: fullnameOverride or the release name. */}}
{{- define "club-lib.prefix" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- end }}

{{/* Resource name of one service: "<prefix>-<service>". Args: (dict "root" $ "service" name). */}}
{{- define "club-lib.fullname" -}}
{{- printf "%s-%s" (include "club-lib.prefix" .root) .service | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* helm.sh/chart label value. */}}
{{- define "club-lib.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select one service's pods. Args: (dict "root" $ "service" name). */}}
{{- define "club-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ include "club-lib.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end }}

{{/* Standard labels for every resource of one service. Args: the context. */}}
{{- define "club-lib.labels" -}}
helm.sh/chart: {{ include "club-lib.chart" .root }}
{{ include "club-lib.selectorLabels" . }}
app.kubernetes.io/version: {{ include "club-lib.imageTag" . | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/part-of: customer-club
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Image tag of one service: <service>.image.tag, image.tag, else the chart's appVersion. */}}
{{- define "club-lib.imageTag" -}}
{{- $svcImage := default dict .v.image -}}
{{- coalesce $svcImage.tag .root.Values.image.tag .root.Chart.AppVersion | toString }}
{{- end }}

{{/* Full image reference: <registry>/customer-club-<service>:<tag>[@<digest>]. */}}
{{- define "club-lib.image" -}}
{{- $svcImage := default dict .v.image -}}
{{- $ref := printf "%s/customer-club-%s:%s" (trimSuffix "/" .root.Values.image.registry) .service (include "club-lib.imageTag" .) -}}
{{- with $svcImage.digest }}{{ $ref = printf "%s@%s" $ref . }}{{ end -}}
{{- $ref }}
{{- end }}

{{/* ServiceAccount name of one service. */}}
{{- define "club-lib.serviceAccountName" -}}
{{- if .v.serviceAccount.create }}
{{- default (include "club-lib.fullname" .) .v.serviceAccount.name }}
{{- else }}
{{- default "default" .v.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Deep merge that lets the override win even with false, 0 or "" (sprig's mergeOverwrite
ignores such "empty" values, so `autoscaling.enabled: false` could not turn a default off).
Maps merge key by key; anything else, lists included, is replaced. Mutates .dst.
*/}}
{{- define "club-lib.deepMerge" -}}
{{- $dst := .dst -}}
{{- range $key, $value := .src -}}
{{- $current := index $dst $key -}}
{{- if and (kindIs "map" $value) (kindIs "map" $current) -}}
{{- $_ := include "club-lib.deepMerge" (dict "dst" $current "src" $value) -}}
{{- else -}}
{{- $_ := set $dst $key $value -}}
{{- end -}}
{{- end -}}
{{- end }}

{{/*
Builds the context every resource template takes (see the top of this file) and stores it in
.out.ctx: include can only return text, and the context has to carry the live root object.
Args: (dict "root" $ "service" name "topology" dict "out" dict).
*/}}
{{- define "club-lib.context" -}}
{{- $root := .root -}}
{{- $service := .service -}}
{{- if not (hasKey .topology $service) -}}
{{- fail (printf "club-lib: service %q is missing from the topology" $service) -}}
{{- end -}}
{{- $v := deepCopy (default dict $root.Values.defaults) -}}
{{- $_ := include "club-lib.deepMerge" (dict "dst" $v "src" (deepCopy (default dict (index $root.Values $service)))) -}}
{{- $ctx := dict "root" $root "service" $service "topology" .topology "role" (index .topology $service) "v" $v -}}
{{- $_ := set .out "ctx" $ctx -}}
{{- end }}

{{/* Services whose grpcCallers list this service, i.e. the services it calls (sorted). */}}
{{- define "club-lib.callees" -}}
{{- $self := .service -}}
{{- $callees := list -}}
{{- range $name := keys .topology | sortAlpha -}}
{{- if has $self (default list (index $.topology $name).grpcCallers) -}}
{{- $callees = append $callees $name -}}
{{- end -}}
{{- end -}}
{{- toJson $callees -}}
{{- end }}

{{/*
Secret-backed env vars of one service, as a JSON list of
  {env, key, secretName, chartKey, valuesKey, generate, value}
where chartKey/value are set when the chart creates the Secret entry itself. DATABASE_URL is
always there; the topology's secretEnv adds more (e.g. the gateway's CLUB_ADMIN_TOKEN).
*/}}
{{- define "club-lib.secretEnv" -}}
{{- $ctx := . -}}
{{- $entries := list (dict "env" "DATABASE_URL" "values" "database" "chartKey" "database-url" "generate" false) -}}
{{- $entries = concat $entries (default list $ctx.role.secretEnv) -}}
{{- $out := list -}}
{{- range $entries -}}
{{- $cfg := default dict (index $ctx.v .values) -}}
{{- $chartKey := default (.values | kebabcase) .chartKey -}}
{{- $item := dict "env" .env "valuesKey" (printf "%s.%s" $ctx.service .values) -}}
{{- if $cfg.existingSecret -}}
{{- $_ := set $item "secretName" $cfg.existingSecret -}}
{{- $_ := set $item "key" (required (printf "%s.%s.existingSecretKey is required with existingSecret" $ctx.service .values) $cfg.existingSecretKey) -}}
{{- else -}}
{{- $value := $cfg.value -}}
{{- if and (not $value) (eq .values "database") -}}
{{- $value = $cfg.url -}}
{{- end -}}
{{- if and (not $value) (not .generate) -}}
{{- fail (printf "%s.%s: set existingSecret (name of a Secret holding it) or %s" $ctx.service .values (ternary "url" "value" (eq .values "database"))) -}}
{{- end -}}
{{- $_ := set $item "secretName" (include "club-lib.fullname" $ctx) -}}
{{- $_ := set $item "key" $chartKey -}}
{{- $_ := set $item "chartKey" $chartKey -}}
{{- $_ := set $item "value" (default "" $value) -}}
{{- $_ := set $item "generate" (and (not $value) .generate) -}}
{{- end -}}
{{- $out = append $out $item -}}
{{- end -}}
{{- toJson $out -}}
{{- end }}
