{{/* Labels every object of the release carries. */}}
{{- define "shop.labels" -}}
app.kubernetes.io/part-of: shop
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* The broker URL: the value, or the bundled NATS Service. */}}
{{- define "shop.brokerURL" -}}
{{- if .Values.broker.url -}}
{{ .Values.broker.url }}
{{- else if .Values.nats.enabled -}}
nats://{{ .Release.Name }}-nats:4222
{{- else -}}
{{ fail "set broker.url, or nats.enabled=true for the bundled NATS" }}
{{- end -}}
{{- end -}}

{{/* The Secret holding NATS_USER and NATS_PASSWORD. */}}
{{- define "shop.secretName" -}}
{{ .Values.broker.existingSecret | default (printf "%s-broker-credentials" .Release.Name) }}
{{- end -}}
