{{/* Common labels; "component" is the service name. */}}
{{- define "booking-system.labels" -}}
app.kubernetes.io/part-of: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Values.image.tag | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{ include "booking-system.selector" . }}
{{- end -}}

{{- define "booking-system.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "booking-system.fullname" -}}
{{ printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{- define "booking-system.secretName" -}}
{{ .Values.nats.existingSecret | default (printf "%s-nats" .Release.Name) }}
{{- end -}}

{{- define "booking-system.databaseSecretName" -}}
{{ .Values.database.existingSecret | default (printf "%s-database" .Release.Name) }}
{{- end -}}
