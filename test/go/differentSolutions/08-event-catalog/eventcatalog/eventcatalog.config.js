/** @type {import('@eventcatalog/core/bin/eventcatalog.config').Config} */
export default {
  title: "Event-Driven Go Lab",
  tagline: 'Events, services and channels of the Event-Driven Go Lab, generated from the event YAML',
  organizationName: 'Event-Driven Go Lab',
  homepageLink: 'https://eventcatalog.dev/',
  trailingSlash: false,
  base: '/',
  port: 3000,
  docs: {
    sidebar: {
      showPageHeadings: true,
    },
  },
};
