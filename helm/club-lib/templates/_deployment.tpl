{{/*
Deployment of one service: non-root, read-only root filesystem (emptyDir at /tmp), all
capabilities dropped, RuntimeDefault seccomp, no service account token, requests and limits,
startup/liveness/readiness probes, a preStop sleep so endpoints drain before SIGTERM.
*/}}
{{- define "club-lib.deployment" -}}
{{- $ctx := . -}}
{{- $v := .v -}}
{{- $root := .root -}}
{{- $secretEnv := include "club-lib.secretEnv" . | fromJsonArray -}}
{{- $callees := include "club-lib.callees" . | fromJsonArray }}
{{- $prefix := include "club-lib.prefix" $root }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "club-lib.fullname" . }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "club-lib.labels" . | nindent 4 }}
spec:
  {{- if not $v.autoscaling.enabled }}
  replicas: {{ $v.replicaCount }}
  {{- end }}
  revisionHistoryLimit: {{ $v.revisionHistoryLimit }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "club-lib.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "club-lib.labels" . | nindent 8 }}
        {{- with $v.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        {{- /* Roll the pods when the chart-owned Secret changes. */}}
        checksum/secret: {{ include "club-lib.secret" . | sha256sum }}
        {{- with $v.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "club-lib.serviceAccountName" . }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      {{- with $root.Values.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      {{- with $v.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds }}
      securityContext:
        runAsNonRoot: true
        runAsUser: {{ $v.securityContext.runAsUser }}
        runAsGroup: {{ $v.securityContext.runAsGroup }}
        fsGroup: {{ $v.securityContext.runAsGroup }}
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: {{ .service }}
          image: {{ include "club-lib.image" . | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ include "club-lib.httpPort" . }}
              protocol: TCP
            - name: grpc
              containerPort: {{ include "club-lib.grpcPort" . }}
              protocol: TCP
          env:
            - name: NODE_ENV
              value: production
            - name: PORT
              value: {{ include "club-lib.httpPort" . | quote }}
            - name: GRPC_PORT
              value: {{ include "club-lib.grpcPort" . | quote }}
            - name: SERVICE_NAME
              value: {{ .service }}
            - name: LOG_LEVEL
              value: {{ $v.logLevel }}
            - name: KAFKA_BROKERS
              value: {{ join "," $root.Values.kafka.brokers | quote }}
            - name: KAFKA_CLIENT_ID
              value: {{ printf "%s-%s" (default $prefix $root.Values.kafka.clientIdPrefix) .service }}
            {{- with $root.Values.otel.endpoint }}
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: {{ . | quote }}
            {{- end }}
            {{- range $callees }}
            - name: {{ printf "%s_GRPC_ADDR" (upper .) }}
              value: {{ printf "%s:%s" (include "club-lib.fullname" (dict "root" $root "service" .)) (include "club-lib.grpcPort" $ctx) }}
            {{- end }}
            {{- range $secretEnv }}
            - name: {{ .env }}
              valueFrom:
                secretKeyRef:
                  name: {{ .secretName }}
                  key: {{ .key }}
            {{- end }}
            {{- with $v.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- with $v.extraEnvFrom }}
          envFrom:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          startupProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: {{ $v.probes.startup.periodSeconds }}
            timeoutSeconds: {{ $v.probes.startup.timeoutSeconds }}
            failureThreshold: {{ $v.probes.startup.failureThreshold }}
          livenessProbe:
            {{- if eq $v.probes.liveness.type "grpc" }}
            grpc:
              port: {{ include "club-lib.grpcPort" . }}
            {{- else }}
            httpGet:
              path: /healthz
              port: http
            {{- end }}
            periodSeconds: {{ $v.probes.liveness.periodSeconds }}
            timeoutSeconds: {{ $v.probes.liveness.timeoutSeconds }}
            failureThreshold: {{ $v.probes.liveness.failureThreshold }}
          readinessProbe:
            httpGet:
              path: /readyz
              port: http
            periodSeconds: {{ $v.probes.readiness.periodSeconds }}
            timeoutSeconds: {{ $v.probes.readiness.timeoutSeconds }}
            failureThreshold: {{ $v.probes.readiness.failureThreshold }}
          {{- if $v.preStopSleepSeconds }}
          lifecycle:
            preStop:
              sleep:
                seconds: {{ $v.preStopSleepSeconds }}
          {{- end }}
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          securityContext:
            runAsNonRoot: true
            runAsUser: {{ $v.securityContext.runAsUser }}
            runAsGroup: {{ $v.securityContext.runAsGroup }}
            privileged: false
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
            seccompProfile:
              type: RuntimeDefault
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $v.tmpSizeLimit }}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if $v.affinity }}
      affinity:
        {{- toYaml $v.affinity | nindent 8 }}
      {{- else if ne $v.podAntiAffinity "none" }}
      affinity:
        podAntiAffinity:
          {{- if eq $v.podAntiAffinity "hard" }}
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels:
                  {{- include "club-lib.selectorLabels" . | nindent 18 }}
          {{- else }}
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    {{- include "club-lib.selectorLabels" . | nindent 20 }}
          {{- end }}
      {{- end }}
      {{- if $v.topologySpread.enabled }}
      topologySpreadConstraints:
        - topologyKey: {{ $v.topologySpread.topologyKey }}
          maxSkew: {{ $v.topologySpread.maxSkew }}
          whenUnsatisfiable: {{ $v.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "club-lib.selectorLabels" . | nindent 14 }}
          matchLabelKeys:
            - pod-template-hash
      {{- end }}
{{- end }}
