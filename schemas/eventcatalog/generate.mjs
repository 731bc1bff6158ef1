// Writes the EventCatalog 4.x frontmatter schemas (one per resource kind) from
// the shared pieces below, so the base fields stay identical across kinds.
// Run `node schemas/eventcatalog/generate.mjs` after editing; the JSON is committed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const str = (description, extra = {}) => ({ description, type: 'string', ...extra });
const bool = (description) => ({ description, type: 'boolean' });
const semver = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$';
const list = (description, items, extra = {}) => ({ description, type: 'array', items, ...extra });
const obj = (description, properties, required = [], extra = {}) => ({
  description,
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
  patternProperties: { '^x-': { description: 'A custom extension property.' } },
  additionalProperties: false,
  ...extra,
});
const xKeys = { '^x-': { description: 'A custom extension property (EventCatalog ignores it; tools may read it).' } };

const versionRef = str('Version of the referenced resource: a semver, `latest`, or a range such as `^1.0.0` or `1.x`. Omitted means latest.', { examples: ['1.0.0', 'latest', '^1.0.0'] });
const pointer = (what) => obj(`A reference to a ${what} by id and optional version.`, { id: str(`Id of the ${what}.`), version: versionRef }, ['id']);
const idRef = (what) => ({ description: `A ${what}: its id, or \`{ id }\`.`, anyOf: [{ type: 'string', minLength: 1 }, obj(`A ${what} by id.`, { id: str(`Id of the ${what}.`) }, ['id'])] });
const badge = obj(
  'A badge shown on the resource page.',
  {
    content: str('Text of the badge.', { examples: ['New!'] }),
    backgroundColor: str('Background colour (a Tailwind colour name such as `blue`, or CSS).', { examples: ['blue'] }),
    textColor: str('Text colour (a Tailwind colour name such as `blue`, or CSS).', { examples: ['blue'] }),
    icon: str('Heroicons name shown in the badge.', { examples: ['BoltIcon'] }),
  },
  ['content', 'backgroundColor', 'textColor'],
);
const channelPointer = obj(
  'A channel the message travels on.',
  {
    id: str('Id of the channel.'),
    version: versionRef,
    parameters: { description: 'Values of the channel address parameters.', type: 'object', additionalProperties: { type: 'string' } },
  },
  ['id'],
);
const messagePointer = obj(
  'A message (event, command or query) with optional channels.',
  {
    id: str('Id of the message.', { examples: ['order-created'] }),
    version: versionRef,
    to: list('Channels the message is sent to.', channelPointer),
    from: list('Channels the message is received from.', channelPointer),
    triggers: list('Messages sent in reaction to this one.', obj('A triggered message.', { id: str('Id of the message.'), version: versionRef, condition: str('When it is triggered.') }, ['id'])),
  },
  ['id'],
);
const specifications = {
  description: 'API specifications of the resource: a list of `{ type, path, name }` or `{ openapiPath, asyncapiPath }`.',
  anyOf: [
    list(
      'Specification files.',
      obj('One specification file.', { type: str('Kind of specification.', { enum: ['openapi', 'asyncapi', 'graphql'] }), path: str('Path relative to the resource folder.', { examples: ['openapi.yml'] }), name: str('Display name.') }, [
        'type',
        'path',
      ]),
    ),
    obj('Specification paths.', { openapiPath: str('Path of the OpenAPI file.'), asyncapiPath: str('Path of the AsyncAPI file.'), graphqlPath: str('Path of the GraphQL schema.') }),
  ],
};
const owners = list('Teams or users owning the resource, by id (files in `teams/` and `users/`).', idRef('team or user'), { examples: [['orders-team']] });

const base = {
  id: str('Unique id of the resource: used in references and URLs.', { minLength: 1, examples: ['order-created'] }),
  name: str('Display name.', { examples: ['Order Created'] }),
  version: str('Version of the resource as a semver string (quote it: `version: 1.0` is read as a number).', { pattern: semver, examples: ['1.0.0'] }),
  summary: str('A short summary shown in lists and the visualiser.'),
  owners,
  badges: list('Badges shown on the page.', badge),
  sidebar: obj('Sidebar overrides.', { label: str('Label in the sidebar.'), badge: str('Badge text in the sidebar.', { examples: ['POST'] }) }),
  repository: obj('Source repository of the resource.', { language: str('Main language.', { examples: ['Go'] }), url: str('Repository URL.', { examples: ['https://github.com/acme/orders'] }) }),
  specifications,
  hidden: bool('Hide the resource from navigation.'),
  draft: { description: 'Marks the resource as a draft: `true` or `{ title, message }`.', anyOf: [{ type: 'boolean' }, obj('Draft notice.', { title: str('Notice title.'), message: str('Notice text.') })] },
  deprecated: {
    description: 'Marks the resource as deprecated: `true` or `{ message, date }`.',
    anyOf: [{ type: 'boolean' }, obj('Deprecation notice.', { message: str('Why, and what to use instead.'), date: { description: 'When it is or was deprecated.', type: ['string', 'object'] } })],
  },
  editUrl: str('URL of the page source, for the "Edit this page" link.'),
  styles: obj('Visual styles.', { icon: str('Icon path or name.', { examples: ['/icons/languages/go.svg'] }), node: obj('Node style in the visualiser.', { color: str('Node colour.'), label: str('Node label.') }) }),
  visualiser: bool('Show the resource in the visualiser.'),
  resourceGroups: list(
    'Groups of related resources shown in the sidebar.',
    obj('A resource group.', {
      id: str('Group id.'),
      title: str('Group title.'),
      limit: { description: 'How many items to show.', type: 'number' },
      sidebar: bool('Show in the sidebar.'),
      items: list(
        'Resources of the group.',
        obj('A resource.', { id: str('Resource id.'), version: versionRef, type: str('Resource kind.', { enum: ['service', 'event', 'command', 'query', 'flow', 'channel', 'domain', 'user', 'team', 'system', 'entity', 'container'] }) }, [
          'id',
        ]),
      ),
    }),
  ),
  attachments: list('Links or files attached to the resource.', {
    description: 'A URL or `{ url, title, type, description }`.',
    anyOf: [{ type: 'string' }, { type: 'object', properties: { url: str('Link.'), title: str('Title.'), type: str('Kind.'), description: str('Description.'), icon: str('Icon.') }, required: ['url'] }],
  }),
  detailsPanel: { description: 'Which sections the details panel shows.', type: 'object' },
};
const baseRequired = ['id', 'name', 'version'];
const message = (kind) => ({
  schemaPath: str(`Path of the ${kind}'s payload schema (JSON Schema, Avro, Protobuf, ...), relative to this folder.`, { examples: ['schema.json'] }),
  channels: list(`Channels the ${kind} travels on.`, channelPointer),
  producers: list(`Legacy (EventCatalog 1.x): services producing the ${kind}. In 4.x, list it under a service's \`sends\`.`, idRef('service')),
  consumers: list(`Legacy (EventCatalog 1.x): services consuming the ${kind}. In 4.x, list it under a service's \`receives\`.`, idRef('service')),
  operation: obj('The HTTP operation that carries the message.', {
    method: str('HTTP method.', { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] }),
    path: str('HTTP path.', { examples: ['/orders/{id}'] }),
    statusCodes: list('Response status codes.', { type: ['string', 'number'] }),
  }),
});
const refs = (what) => list(`${what[0].toUpperCase()}${what.slice(1)}s of this resource, by id and optional version.`, pointer(what));
const dataRef = list('Data stores (containers) by id.', pointer('container'));

const kinds = {
  event: { title: 'EventCatalog event', props: message('event') },
  command: { title: 'EventCatalog command', props: message('command') },
  query: { title: 'EventCatalog query', props: message('query') },
  service: {
    title: 'EventCatalog service',
    props: {
      sends: list('Messages the service sends: `{ id, version?, to? }`.', messagePointer),
      receives: list('Messages the service receives: `{ id, version?, from? }`.', messagePointer),
      entities: refs('entity'),
      writesTo: dataRef,
      readsFrom: dataRef,
      flows: refs('flow'),
    },
  },
  domain: {
    title: 'EventCatalog domain',
    props: {
      services: refs('service'),
      domains: refs('domain'),
      systems: refs('system'),
      entities: refs('entity'),
      flows: refs('flow'),
      sends: list('Messages the domain sends.', messagePointer),
      receives: list('Messages the domain receives.', messagePointer),
    },
  },
  system: {
    title: 'EventCatalog system',
    props: {
      services: refs('service'),
      containers: refs('container'),
      flows: refs('flow'),
      entities: refs('entity'),
      relationships: list('Other systems this one talks to.', obj('A relationship.', { id: str('Id of the other system.'), version: versionRef, label: str('What the relationship is.') }, ['id'])),
      actors: list(
        'People or external parties using the system.',
        obj('An actor.', { id: str('Actor id.'), name: str('Actor name.'), label: str('What they do.'), direction: str('Direction of the arrow.', { enum: ['inbound', 'outbound', 'bidirectional', 'in', 'out'] }) }, ['name']),
      ),
      scope: str('Whether the system is internal or external.', { enum: ['internal', 'external'] }),
    },
  },
  channel: {
    title: 'EventCatalog channel',
    props: {
      address: str('Address of the channel (topic, queue, URL), may contain `{parameters}`.', { examples: ['orders.{env}.events'] }),
      protocols: list('Protocols used on the channel.', { type: 'string' }, { examples: [['kafka']] }),
      deliveryGuarantee: str('Delivery guarantee of the channel.', { enum: ['at-most-once', 'at-least-once', 'exactly-once'] }),
      parameters: {
        description: 'Parameters of the address.',
        type: 'object',
        additionalProperties: obj('A parameter.', { enum: list('Allowed values.', { type: 'string' }), default: str('Default value.'), examples: list('Example values.', { type: 'string' }), description: str('Description.') }),
      },
      routes: list('Channels this channel routes to.', pointer('channel')),
      messages: list('Messages on the channel.', { type: 'object' }),
    },
  },
  flow: {
    title: 'EventCatalog flow',
    required: ['steps'],
    props: {
      steps: list(
        'Steps of the flow.',
        (() => {
          const next = {
            description: 'The next step: its id, or `{ id, label }`.',
            anyOf: [{ type: ['string', 'number'] }, obj('Next step.', { id: { description: 'Step id.', type: ['string', 'number'] }, label: str('Label of the arrow.') }, ['id'])],
          };
          return obj(
            'A step.',
            {
              id: { description: 'Step id (string or number).', type: ['string', 'number'] },
              type: str('Step kind.', { enum: ['node', 'message', 'user', 'actor'] }),
              title: str('Step title.'),
              summary: str('Step summary.'),
              message: pointer('message'),
              service: pointer('service'),
              flow: pointer('flow'),
              container: pointer('container'),
              actor: obj('A person.', { name: str('Who.'), summary: str('What they do.') }, ['name']),
              custom: {
                description: 'A custom node.',
                type: 'object',
                required: ['title'],
                properties: {
                  title: str('Title.'),
                  icon: str('Icon.'),
                  type: str('Type.'),
                  summary: str('Summary.'),
                  url: str('Link.'),
                  color: str('Colour.'),
                  properties: { description: 'Key/values shown on the node.', type: 'object' },
                  height: { description: 'Node height.', type: 'number' },
                  menu: list('Menu links.', { type: 'object' }),
                },
              },
              externalSystem: obj('An external system.', { name: str('Name.'), summary: str('Summary.'), url: str('Link.') }, ['name']),
              next_step: next,
              next_steps: list('Next steps.', next),
            },
            ['id', 'title'],
          );
        })(),
      ),
    },
  },
  entity: {
    title: 'EventCatalog entity',
    props: {
      aggregateRoot: bool('Whether the entity is an aggregate root.'),
      identifier: str('The property that identifies the entity.', { examples: ['orderId'] }),
      properties: list('Properties of the entity.', { $ref: '#/definitions/entityProperty' }),
      services: list('Services using the entity.', idRef('service')),
      domains: list('Domains of the entity.', idRef('domain')),
    },
    definitions: {
      entityProperty: obj(
        'A property of the entity.',
        {
          name: str('Property name.'),
          type: str('Property type.', { examples: ['string', 'UUID'] }),
          required: bool('Whether it is required.'),
          description: str('What it means.'),
          references: str('Entity this property references.'),
          relationType: str('Cardinality of the reference.', { examples: ['hasOne', 'hasMany'] }),
          referencesIdentifier: str('Identifier of the referenced entity.'),
          referenceTarget: str('Target of the reference.'),
          enum: list('Allowed values.', {}),
          items: obj('Type of the items of an array property.', { type: str('Item type.'), properties: list('Item properties.', { $ref: '#/definitions/entityProperty' }) }),
          properties: list('Nested properties.', { $ref: '#/definitions/entityProperty' }),
        },
        ['name', 'type'],
      ),
    },
  },
  container: {
    title: 'EventCatalog container (data store)',
    props: {
      container_type: str('Kind of data store.', { examples: ['database', 'cache', 'objectStore', 'searchIndex', 'dataWarehouse', 'dataLake', 'externalSaaS', 'other'] }),
      technology: str('Technology, e.g. `postgres@16`.'),
      authoritative: bool('Whether this is the source of truth.'),
      access_mode: str('How it is accessed.', { examples: ['read', 'write', 'readWrite', 'appendOnly'] }),
      purpose: str('What it stores.'),
      classification: str('Data classification.', { examples: ['public', 'internal', 'confidential', 'regulated'] }),
      retention: str('Retention period.', { examples: ['90d', '7y'] }),
      residency: str('Where the data lives.', { examples: ['eu-west-1'] }),
    },
  },
  adr: {
    title: 'EventCatalog architecture decision record',
    props: {
      status: str('Status of the decision.', { examples: ['proposed', 'accepted', 'deprecated', 'superseded'] }),
      date: { description: 'Date of the decision.', type: ['string', 'object'] },
      decisionMakers: list('Who decided.', idRef('team or user')),
      appliesTo: list('Resources the decision applies to.', obj('A resource.', { type: str('Resource kind.', { examples: ['service', 'system', 'domain'] }), id: str('Resource id.'), version: versionRef }, ['id'])),
      related: list('Related decisions.', pointer('ADR')),
      supersedes: list('Decisions this one supersedes.', pointer('ADR')),
    },
  },
};

const personBase = {
  id: str('Id used in `owners`.', { minLength: 1 }),
  name: str('Display name.'),
  summary: str('Short description.'),
  hidden: bool('Hide from navigation.'),
  email: str('Email address.'),
  slackDirectMessageUrl: str('Slack link.'),
  msTeamsDirectMessageUrl: str('Microsoft Teams link.'),
  ownedDomains: list('Owned domains.', idRef('domain')),
  ownedServices: list('Owned services.', idRef('service')),
  ownedEvents: list('Owned events.', idRef('event')),
  ownedCommands: list('Owned commands.', idRef('command')),
  ownedQueries: list('Owned queries.', idRef('query')),
};
const people = {
  team: { title: 'EventCatalog team', required: ['id', 'name'], props: { ...personBase, members: list('Users in the team, by id.', idRef('user')) } },
  user: { title: 'EventCatalog user', required: ['id', 'name'], props: { ...personBase, avatarUrl: str('URL of the avatar image.'), role: str('Role in the organisation.'), associatedTeams: list('Teams of the user.', idRef('team')) } },
};
const pages = {
  doc: {
    title: 'EventCatalog custom docs page',
    required: [],
    props: {
      title: str('Page title.'),
      summary: str('Short description.'),
      owners,
      badges: list('Badges.', badge),
      sidebar: obj('Sidebar overrides.', { label: str('Label.'), order: { description: 'Position.', type: 'number' }, badge: str('Badge text.') }),
      id: str('Page id.'),
      name: str('Page name.'),
      version: str('Version.'),
      slug: str('URL slug.'),
      hidden: bool('Hide the page.'),
      tags: list('Tags.', { type: 'string' }),
      dictionary: list('Ubiquitous language terms.', obj('A term.', { id: str('Term id.'), name: str('The term.'), summary: str('Short definition.'), description: str('Long definition.'), icon: str('Icon.') }, ['id', 'name'])),
    },
  },
};

for (const [kind, spec] of Object.entries({ ...kinds, ...people, ...pages })) {
  const isResource = kind in kinds;
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://edgo-lab.dev/schemas/eventcatalog/${kind}.schema.json`,
    title: `${spec.title} (frontmatter)`,
    description: `The YAML frontmatter of an EventCatalog 4.x ${kind} page (\`index.mdx\`).`,
    type: 'object',
    properties: isResource ? { ...base, ...spec.props } : spec.props,
    required: spec.required ? (isResource ? [...baseRequired, ...spec.required] : spec.required) : baseRequired,
    patternProperties: xKeys,
    additionalProperties: false,
    ...(spec.definitions ? { definitions: spec.definitions } : {}),
  };
  writeFileSync(join(here, `${kind}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
