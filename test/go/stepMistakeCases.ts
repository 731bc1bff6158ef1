// The mistakes a learner makes in each hands-on step, planted in a correct folder by
// test/go/stepMistakes.test.ts. Each names the step, what the learner did, the edit,
// the step's own check that must fail and a word its message must hold. Where the
// step's lesson is a chart, manifest, Dockerfile, Markdown, Mermaid or event YAML, the
// mistake is there (no Go build: CI's go stage is near its budget).

/** Replace `from` by `to` in `file`; `to: null` deletes the file. */
export interface Edit {
  readonly file: string;
  readonly from?: string;
  readonly to: string | null;
}

export interface Mistake {
  /** The step the mistake belongs to, and what the learner did. */
  readonly step: string;
  readonly what: string;
  readonly edits: readonly Edit[];
  /** The check that must fail (the step's own), and text its message must hold. */
  readonly check: string;
  readonly says: RegExp;
  /** The learner's file the failure must point at (default: the first edited file). */
  readonly at?: string;
  /** Why the failure can name the file but no line (the check cannot know it). */
  readonly lineUnknown?: string;
  /** The check builds the catalog with the real EventCatalog: the mistake is planted in the runtime the eventcatalog stage installs. */
  readonly eventCatalogBuild?: true;
}

export interface ModuleMistakes {
  readonly slug: string;
  /** The correct folder the mistakes are planted in: a different solution (test/go/differentSolutions/<slug>) over the starter, or the reference solution. */
  readonly base: 'different' | 'solution';
  readonly mistakes: readonly Mistake[];
}

const one = (file: string, from: string, to: string | null): Edit[] => [{ file, from, to }];

export const module1: ModuleMistakes = {
  slug: '01-go-foundations',
  base: 'different',
  mistakes: [
    {
      step: 'types-interfaces',
      what: 'List returns a nil slice for an empty store',
      edits: one('memory.go', 'out := make([]User, len(s.users))', 'var out []User\n\tout = append(out, s.users...)'),
      check: 'service',
      says: /nil|\[\]/i,
      at: 'memory.go',
    },
    {
      step: 'types-interfaces',
      what: "List returns the store's own slice",
      edits: one('memory.go', 'out := make([]User, len(s.users))\n\tcopy(out, s.users)\n\treturn out, nil', 'return s.users[:len(s.users):len(s.users)], nil'),
      check: 'service',
      says: /copy|change|modif/i,
      at: 'memory.go',
    },
    {
      step: 'types-interfaces',
      what: 'Get returns a plain error for a missing id',
      edits: one('memory.go', 'return User{}, &NotFoundError{ID: id}', 'return User{}, fmt.Errorf("no user %s", id)'),
      check: 'errors',
      says: /ErrNotFound|NotFoundError/,
      at: 'memory.go',
    },
    { step: 'errors', what: 'NotFoundError does not match ErrNotFound', edits: one('errors.go', 'func (e *NotFoundError) Unwrap() error { return ErrNotFound }', ''), check: 'errors', says: /errors\.Is/ },
    { step: 'errors', what: 'DisplayName wraps with %v, not %w', edits: one('errors.go', 'display name: %w', 'display name: %v'), check: 'errors', says: /%w/, at: 'errors.go' },
    { step: 'users-endpoint', what: 'GET /users is not registered', edits: one('handler.go', 'mux.HandleFunc("GET /users", listUsers(svc))', '_ = listUsers'), check: 'users', says: /404|405|status/, at: 'handler.go' },
    { step: 'users-endpoint', what: 'the route has no method, so POST is served', edits: one('handler.go', '"GET /users"', '"/users"'), check: 'users', says: /405|POST|method/i, at: 'handler.go' },
    { step: 'user-by-id', what: 'a missing user answers 500, not 404', edits: one('handler.go', 'case errors.Is(err, ErrNotFound):', 'case errors.Is(err, errors.ErrUnsupported):'), check: 'user-by-id', says: /404/, at: 'handler.go' },
  ],
};

const contextMap = 'docs/booking-context.md';

export const module3: ModuleMistakes = {
  slug: '03-ddd',
  base: 'solution',
  mistakes: [
    { step: 'value-objects', what: 'NewMoney accepts any currency text', edits: one('money.go', 'if len(currency) != 3 {', 'if currency == "" {'), check: 'value-objects', says: /currency|ISO|invalid/i, at: 'money.go' },
    {
      step: 'aggregate',
      what: 'AddLine still adds lines to a placed order',
      edits: one('order.go', 'return fmt.Errorf("add line to %s order %s: %w", o.status, o.id, ErrNotDraft)', '_ = ErrNotDraft'),
      check: 'aggregate',
      says: /draft|placed|ErrNotDraft/i,
      at: 'order.go',
    },
    {
      step: 'booking-sketch',
      what: 'the sketch has the aggregate diagram but no context map',
      edits: one(contextMap, '```mermaid\nflowchart LR\n  Booking["Booking context"]', '```text\nflowchart LR\n  Booking["Booking context"]'),
      check: 'diagrams',
      says: /at least 2/,
    },
    {
      step: 'booking-sketch',
      what: "the context map copies the template's and leaves Payments out",
      edits: one(contextMap, '  Booking["Booking context"] -- "BookingHeld event" --> Payments["Payments context"]\n  Payments -- "PaymentCaptured event" --> Booking\n', ''),
      check: 'diagrams',
      says: /no Payment/,
    },
  ],
};

export const module6: ModuleMistakes = {
  slug: '06-docker-kubernetes',
  base: 'solution',
  mistakes: [
    {
      step: 'hands-on-images',
      what: 'one stage: the image ships the Go toolchain',
      edits: one('order/Dockerfile', '# Stage 2: only the binary, on a minimal image with no shell, as a non-root user.\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/order /order\n', ''),
      check: 'dockerfiles',
      says: /multi-stage|stage/i,
    },
    {
      step: 'hands-on-images',
      what: 'the runtime image runs as root',
      edits: [
        { file: 'inventory/Dockerfile', from: 'FROM gcr.io/distroless/static-debian12:nonroot\n', to: 'FROM gcr.io/distroless/static-debian12:debug\n' },
        { file: 'inventory/Dockerfile', from: 'USER 65532:65532\n', to: '' },
      ],
      check: 'dockerfiles',
      says: /root/,
    },
    {
      step: 'hands-on-manifests',
      what: "the Service's selector misses the pods' label",
      edits: one('deploy/k8s/order.yaml', 'spec:\n  selector:\n    app.kubernetes.io/name: order', 'spec:\n  selector:\n    app.kubernetes.io/name: orders'),
      check: 'manifests',
      says: /selector/,
    },
    { step: 'hands-on-manifests', what: 'one replica of inventory', edits: one('deploy/k8s/inventory.yaml', 'replicas: 2', 'replicas: 1'), check: 'manifests', says: /replicas/ },
  ],
};

const health = 'platform/health/health.go';

export const module7: ModuleMistakes = {
  slug: '07-kubernetes-advanced',
  base: 'solution',
  mistakes: [
    {
      step: 'hands-on-probes',
      what: '/readyz runs the checks once, at start, so it stays 503 after NATS is up',
      edits: one(
        health,
        'mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {\n\t\tfailures := map[string]string{}\n\t\tfor name, check := range checks {\n\t\t\tif err := check(); err != nil {\n\t\t\t\tfailures[name] = err.Error()\n\t\t\t}\n\t\t}\n',
        'failures := map[string]string{}\n\tfor name, check := range checks {\n\t\tif err := check(); err != nil {\n\t\t\tfailures[name] = err.Error()\n\t\t}\n\t}\n\tmux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {\n',
      ),
      check: 'readiness',
      says: /timed out waiting for \/readyz 200 once NATS is up/,
      at: health,
    },
    {
      step: 'hands-on-probes',
      what: '/readyz reports the failures with 200',
      edits: one(health, 'write(w, http.StatusServiceUnavailable, map[string]any{"status": "not ready", "failures": failures})', 'write(w, http.StatusOK, map[string]any{"status": "not ready", "failures": failures})'),
      check: 'readiness',
      says: /\/readyz = 200 before NATS is up; want 503/,
      at: health,
    },
    {
      step: 'hands-on-probes',
      what: '/healthz fails while NATS is down, so an outage restarts every pod',
      edits: one(
        health,
        'write(w, http.StatusOK, map[string]string{"status": "ok"})',
        'for _, check := range checks {\n\t\t\tif check() != nil {\n\t\t\t\tw.WriteHeader(http.StatusServiceUnavailable)\n\t\t\t\treturn\n\t\t\t}\n\t\t}\n\t\twrite(w, http.StatusOK, map[string]string{"status": "ok"})',
      ),
      check: 'readiness',
      says: /liveness must not depend on the broker/,
      at: health,
    },
    {
      step: 'hands-on-config',
      what: 'the order Deployment has no readiness probe',
      edits: one('deploy/k8s/order.yaml', '          readinessProbe:\n            httpGet:\n              path: /readyz\n              port: http\n            periodSeconds: 5\n            failureThreshold: 2\n', ''),
      check: 'manifests',
      says: /readinessProbe|readiness/i,
    },
    {
      step: 'hands-on-config',
      what: 'the order Deployment has no resource limits',
      edits: one('deploy/k8s/order.yaml', '            limits:\n              cpu: 500m\n              memory: 128Mi\n', ''),
      check: 'manifests',
      says: /limits|resources/i,
    },
    {
      step: 'hands-on-config',
      what: 'the Secret has another name than the one the Deployments read',
      edits: one('deploy/k8s/config.yaml', 'kind: Secret\nmetadata:\n  name: shop-broker-credentials', 'kind: Secret\nmetadata:\n  name: shop-credentials'),
      check: 'manifests',
      says: /No Secret named "shop-broker-credentials" in the manifests, though Deployment "inventory" refers to it/,
      at: 'deploy/k8s/inventory.yaml',
    },
    {
      step: 'hands-on-package',
      what: 'values-prod.yaml keeps one replica of order',
      edits: one('deploy/chart/shop/values-prod.yaml', '  order:\n    replicas: 3', '  order:\n    replicas: 1'),
      check: 'package',
      says: /values-prod\.yaml: Deployment "shop-order": spec\.replicas is 1, expected 3/,
      at: 'deploy/chart/shop/templates/services.yaml',
      lineUnknown: 'the rendered object comes from a template; the message names the values file',
    },
  ],
};

export const module8: ModuleMistakes = {
  slug: '08-event-catalog',
  base: 'solution',
  mistakes: [
    {
      step: 'generate-catalog',
      what: 'an event page is missing: the catalog was not generated again',
      edits: one('eventcatalog/events/order-created/index.mdx', '', null),
      check: 'catalog',
      says: /order-created/,
      at: 'eventcatalog/services/inventory-service/index.mdx',
    },
    {
      step: 'run-catalog',
      what: 'a page edited while exploring leaves a component tag unclosed',
      edits: one('eventcatalog/events/order-created/index.mdx', '<SchemaViewer file="schema.json" title="Payload (JSON Schema)" maxHeight="500" />', '<SchemaViewer file="schema.json" title="Payload (JSON Schema)" maxHeight="500">'),
      check: 'catalog-builds',
      says: /Expected a closing tag for `<SchemaViewer>`/,
      eventCatalogBuild: true,
    },
    { step: 'owners-domains', what: 'the owner is a user the catalog does not have', edits: one('eventcatalog/users/ada.mdx', '', null), check: 'owners', says: /`ada`/, at: 'eventcatalog/events/inventory-rejected/index.mdx' },
  ],
};

const orderApi = 'docs/services/order-service.md';

export const module9: ModuleMistakes = {
  slug: '09-docs-mermaid',
  base: 'solution',
  mistakes: [
    {
      step: 'order-api',
      what: "GET /orders/{id} keeps only the generator's prompt",
      edits: one(
        orderApi,
        'Reads one order and its current status.\n\n**Request** no body: `curl localhost:8080/orders/1`\n\n**Response** 200\n\n```json\n{ "id": "1", "customerId": "c-42", "items": [{ "sku": "sku-1", "quantity": 2 }], "status": "confirmed" }\n```\n\n**Errors** 404 `{ "error": "order not found" }`.\n',
        '_What it does, the request, each response and the errors._\n',
      ),
      check: 'api-doc',
      says: /GET \/orders\/\{id\}/,
    },
    {
      step: 'readme-hands-on',
      what: 'Events holds only the generated table',
      edits: one('README.md', 'Every event carries an id, the time it happened and a correlation id; consumers use the id to ignore\nredeliveries. The contracts live in `events/`.\n', ''),
      check: 'readme',
      says: /Events/,
    },
    {
      step: 'generate-docs',
      what: 'a hand edit breaks a generated diagram',
      edits: one('docs/architecture.md', 'flowchart LR\n  Client(["Client"])', 'flowchart LR\n  Client(["Client"]'),
      check: 'diagrams',
      says: /Mermaid|Parse|Expecting/i,
    },
  ],
};

const saga = 'internal/booking/app/service.go';

export const module10: ModuleMistakes = {
  slug: '10-capstone',
  base: 'solution',
  mistakes: [
    {
      step: 'build',
      what: 'the compensation cancels the booking but keeps the slot held',
      edits: one(saga, '\t\tif err := tx.Release(ctx, b.SlotID); err != nil {\n\t\t\treturn err\n\t\t}\n', ''),
      check: 'compensation',
      says: /booking the released slot: 409, want 202/,
      at: saga,
    },
    {
      step: 'build',
      what: 'the compensation, copied from PaymentAuthorized, still publishes booking.confirmed',
      edits: one(saga, 'Event{Type: contracts.BookingCancelled,', 'Event{Type: contracts.BookingConfirmed,'),
      check: 'compensation',
      says: /cancellation mail/,
      at: saga,
    },
    { step: 'design', what: 'the architecture has a broken arrow', edits: one('docs/architecture.md', 'customer -->|HTTP| bapi', 'customer -->|HTTP bapi'), check: 'diagrams', says: /Mermaid|Parse|Expecting/i },
    { step: 'deploy', what: 'the deploy job runs on every branch', edits: one('.github/workflows/ci.yml', "    if: github.event_name == 'push' && github.ref == 'refs/heads/main'\n", ''), check: 'pipeline', says: /main/ },
    { step: 'deploy', what: 'an event has no owners', edits: one('events/booking.confirmed.yaml', 'owners:\n  - booking-team\n', ''), check: 'events', says: /owners/ },
    {
      step: 'observe',
      what: 'the latency SLO is left as a TODO',
      edits: one(
        'docs/slos.md',
        '- **SLI**: the 95th percentile of `http_request_duration_seconds` for `POST /bookings`,\n  from the histogram buckets (there is a bucket at 0.3 s so the quantile is exact there).\n- **SLO**: p95 below 300 ms.\n- **Alert**: `BookingLatencyP95High` pages when the 5-minute p95 stays above 300 ms for 10 minutes.\n',
        'TODO\n',
      ),
      check: 'slo-doc',
      says: /Booking latency|TODO|words/,
    },
  ],
};

export const allModules: readonly ModuleMistakes[] = [module1, module3, module6, module7, module8, module9, module10];
