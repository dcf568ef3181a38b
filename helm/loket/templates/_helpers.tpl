{{/*
Chart name, overridable with .Values.nameOverride.
*/}}
{{- define "loket.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: release name + chart name, at most 63 characters
(Kubernetes name limit). If the release name already contains the chart
name it is used as is. Resources of other components add a suffix, so the
base is cut at 45 characters to leave room for "-dispatcher" and the like.
*/}}
{{- define "loket.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 45 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 45 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 45 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "loket.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels. Call with (dict "ctx" $ "component" "gateway"); the component
may be empty for resources shared by all components.
*/}}
{{- define "loket.labels" -}}
helm.sh/chart: {{ include "loket.chart" .ctx }}
{{ include "loket.selectorLabels" . }}
{{- if .ctx.Chart.AppVersion }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: loket
{{- end }}

{{/*
Selector labels: must stay stable across upgrades. The component label keeps
the gateway's Service and Deployment away from the dispatcher's pods.
Call with (dict "ctx" $ "component" "gateway").
*/}}
{{- define "loket.selectorLabels" -}}
app.kubernetes.io/name: {{ include "loket.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end }}

{{/*
Container image reference: by digest when image.digest is set, otherwise by
tag (default: the chart's appVersion).
*/}}
{{- define "loket.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
ServiceAccount of the gateway and the dispatcher.
*/}}
{{- define "loket.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "loket.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
ConfigMap and Secret key of a file in the tenants folder: its path with "/"
replaced by "__" (keys may not contain "/"), e.g. enschede/tenant.toml ->
enschede__tenant.toml.
*/}}
{{- define "loket.tenantKey" -}}
{{- replace "/" "__" . }}
{{- end }}

{{/*
Where the database URL is read from: {name, key}.
*/}}
{{- define "loket.databaseSecretRef" -}}
{{- if .Values.database.url -}}
name: {{ include "loket.fullname" . }}
key: database-url
{{- else -}}
name: {{ required "database.existingSecret.name (or database.url) is required" .Values.database.existingSecret.name | quote }}
key: {{ required "database.existingSecret.key is required" .Values.database.existingSecret.key | quote }}
{{- end }}
{{- end }}

{{/*
LOKET_MIGRATION_DATABASE_URL: the owner's URL, for start-up work, when one is configured.
*/}}
{{- define "loket.env.owner" -}}
{{- with .Values.database.owner.existingSecret.name }}
- name: LOKET_MIGRATION_DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ . | quote }}
      key: {{ $.Values.database.owner.existingSecret.key | quote }}
{{- end }}
{{- end }}

{{/*
Whether the chart creates its own Secret (database URL or SMTP URL in values).
*/}}
{{- define "loket.createsSecret" -}}
{{- if or .Values.database.url .Values.notifications.smtp.url }}true{{ end }}
{{- end }}

{{/*
Environment every Loket container gets: database, log settings.
*/}}
{{- define "loket.env.base" -}}
- name: LOKET_DATABASE_URL
  valueFrom:
    secretKeyRef:
      {{- include "loket.databaseSecretRef" . | nindent 6 }}
- name: LOKET_LOG_FORMAT
  value: {{ .Values.config.logFormat | quote }}
- name: LOKET_LOG
  value: {{ .Values.config.logLevel | quote }}
{{- end }}

{{/*
LOKET_PHOTO_STORE: where the gateway keeps report photos and the daily clean-up removes
those never attached (both run where the dispatcher runs).
*/}}
{{- define "loket.env.photos" -}}
- name: LOKET_PHOTO_STORE
  value: {{ .Values.config.photoStore | default "none" | quote }}
{{- end }}

{{/*
LOKET_TENANTS: the mounted folder, or the image's own demo folder.
*/}}
{{- define "loket.env.tenants" -}}
- name: LOKET_TENANTS
  value: {{ eq .Values.tenants.source "image" | ternary "/etc/loket/tenants" .Values.tenants.mountPath | quote }}
{{- end }}

{{/*
Environment of the pods that dispatch notifications: senders and pacing.
*/}}
{{- define "loket.env.notify" -}}
{{- $n := .Values.notifications }}
{{- if $n.smtp.url }}
- name: LOKET_SMTP_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "loket.fullname" . }}
      key: smtp-url
{{- else if $n.smtp.existingSecret.name }}
- name: LOKET_SMTP_URL
  valueFrom:
    secretKeyRef:
      name: {{ $n.smtp.existingSecret.name | quote }}
      key: {{ $n.smtp.existingSecret.key | quote }}
{{- end }}
{{- if $n.logFile.enabled }}
- name: LOKET_NOTIFICATION_LOG
  value: /var/log/loket/notifications.jsonl
{{- end }}
- name: LOKET_INSECURE_WEBHOOKS
  value: {{ $n.insecureWebhooks | quote }}
{{- $pacing := dict "LOKET_DISPATCH_BATCH" $n.dispatch.batch "LOKET_DISPATCH_CONCURRENCY" $n.dispatch.concurrency "LOKET_DISPATCH_MAX_ATTEMPTS" $n.dispatch.maxAttempts "LOKET_DISPATCH_LEASE_SECONDS" $n.dispatch.leaseSeconds "LOKET_DISPATCH_IDLE_MS" $n.dispatch.idleMs "LOKET_SEND_TIMEOUT_SECONDS" $n.dispatch.sendTimeoutSeconds }}
{{- range $name := keys $pacing | sortAlpha }}
{{- $value := get $pacing $name }}
{{- if not (kindIs "invalid" $value) }}
- name: {{ $name }}
  value: {{ $value | int64 | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
envFrom of the pods that dispatch (SMS tokens) or of every pod (extraEnvFrom).
Call with (dict "ctx" $ "dispatches" true).
*/}}
{{- define "loket.envFrom" -}}
{{- $ := .ctx }}
{{- if .dispatches }}
{{- if $.Values.notifications.smsTokens }}
- secretRef:
    name: {{ include "loket.fullname" $ }}-sms-tokens
{{- end }}
{{- if $.Values.notifications.existingSmsTokensSecret }}
- secretRef:
    name: {{ $.Values.notifications.existingSmsTokensSecret | quote }}
{{- end }}
{{- end }}
{{- with $.Values.extraEnvFrom }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Checksums of the chart-managed configuration the pods read at start-up, so
that changing it rolls the pods.
*/}}
{{- define "loket.checksums" -}}
{{- if eq .Values.tenants.source "files" }}
checksum/tenants: {{ include (print .Template.BasePath "/tenants-configmap.yaml") . | sha256sum }}
{{- end }}
{{- if or .Values.tenants.secretFiles (include "loket.createsSecret" .) .Values.notifications.smsTokens }}
checksum/secrets: {{ include (print .Template.BasePath "/secrets.yaml") . | sha256sum }}
{{- end }}
{{- end }}

{{/*
Pod annotations: the checksums and the extra annotations of one component.
Call with (dict "ctx" $ "extra" .Values.podAnnotations).
*/}}
{{- define "loket.podAnnotations" -}}
{{- $checksums := include "loket.checksums" .ctx | trim }}
{{- if $checksums }}
{{ $checksums }}
{{- end }}
{{- with .extra }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The tenants folder as a projected volume: every file is mapped from its flat
key back to its path. Renders nothing when the image's own folder is used.
*/}}
{{- define "loket.tenantsVolume" -}}
{{- $t := .Values.tenants }}
{{- if ne $t.source "image" }}
- name: tenants
  projected:
    defaultMode: 0444
    sources:
      {{- if eq $t.source "files" }}
      - configMap:
          name: {{ include "loket.fullname" . }}-tenants
          {{- if $t.files }}
          items:
            {{- range $path := keys $t.files | sortAlpha }}
            - key: {{ include "loket.tenantKey" $path }}
              path: {{ $path }}
            {{- end }}
          {{- end }}
      {{- else }}
      {{- if not (and $t.existingConfigMap.name $t.existingConfigMap.files) }}
      {{- fail "tenants.source is existingConfigMap: set tenants.existingConfigMap.name and list its files in tenants.existingConfigMap.files" }}
      {{- end }}
      - configMap:
          name: {{ $t.existingConfigMap.name | quote }}
          items:
            {{- range $path := $t.existingConfigMap.files }}
            - key: {{ include "loket.tenantKey" $path }}
              path: {{ $path }}
            {{- end }}
      {{- end }}
      {{- if $t.secretFiles }}
      - secret:
          name: {{ include "loket.fullname" . }}-tenant-files
          items:
            {{- range $path := keys $t.secretFiles | sortAlpha }}
            - key: {{ include "loket.tenantKey" $path }}
              path: {{ $path }}
            {{- end }}
      {{- end }}
      {{- if $t.existingSecret.name }}
      {{- if not $t.existingSecret.files }}
      {{- fail "tenants.existingSecret.name is set: list its files in tenants.existingSecret.files" }}
      {{- end }}
      - secret:
          name: {{ $t.existingSecret.name | quote }}
          items:
            {{- range $path := $t.existingSecret.files }}
            - key: {{ include "loket.tenantKey" $path }}
              path: {{ $path }}
            {{- end }}
      {{- end }}
{{- end }}
{{- end }}

{{/*
Volume mount of the tenants folder.
*/}}
{{- define "loket.tenantsMount" -}}
{{- if ne .Values.tenants.source "image" }}
- name: tenants
  mountPath: {{ .Values.tenants.mountPath | quote }}
  readOnly: true
{{- end }}
{{- end }}

{{/*
Pod-level settings shared by every Loket pod.
*/}}
{{- define "loket.podCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
automountServiceAccountToken: false
enableServiceLinks: false
{{- with .Values.priorityClassName }}
priorityClassName: {{ . | quote }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end }}

{{/*
Container resources: requests and limits, with empty maps left out.
*/}}
{{- define "loket.resources" -}}
{{- with .requests }}
requests:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .limits }}
limits:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
