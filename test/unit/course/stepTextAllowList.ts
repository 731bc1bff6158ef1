// Names the steps use on purpose although no module file has them: examples of
// an idea, names from other tools, and things the learner is asked to create.
export const allowed: Record<string, string[]> = {
  '01-go-foundations': [
    'golang.go', // the Go extension's id
    'go.sum', // explained in general; module 1 has no dependencies, so no go.sum
    'internal/', // the rule for internal/ folders, explained in general
    '.go',
    '_test.go',
    'TestXxx',
    '/users/u1/orders', // an example of what a pattern does not match
    'GET /files/{path...}', // more pattern forms, illustrated
    'GET /{$}',
  ],
  '02-clean-architecture': [
    'adapter/', // names other projects use for the layer
    'transport/',
    'handler/',
    'POST /orders/{id}/confirm', // "going further": the learner adds it
  ],
  '03-ddd': ['order.placed'], // the ubiquitous-language example
  '04-event-driven-concepts': [
    'min.insync.replicas', // a Kafka broker setting
    'order.placed', // naming examples
    'order.created.v2',
    'metadata.time', // a key path in the starter's YAML, reported by the validator
    'payment.failed', // "going further": the learner adds it
  ],
  '05-event-driven-services': [
    'Shopify/sarama', // where sarama used to live
    'go.work', // what splitting into two modules would add
    '.proto',
  ],
  '06-docker-kubernetes': ['apps/v1', 'spec.selector'], // Kubernetes API names
  '08-event-catalog': [
    'domains/Orders/services/OrderService/events/OrderCreated/index.mdx', // EventCatalog's nested layout, illustrated
    'versioned/<version>/',
    'ubiquitous-language.mdx',
    'events/order-created/versioned/1.0.0/', // appears when the learner bumps the version
  ],
  '09-docs-mermaid': ['docs/adr/0001-use-jetstream.md'], // an ADR the README example links to
  '10-capstone': [
    '.gitlab-ci.yml', // the GitLab equivalent, mentioned
    'docker/build-push-action', // a GitHub Action, not a file
  ],
};
