/**
 * Hover help for the keys of a GitHub Actions workflow, written for this course
 * (module 10's CI/CD step) in its own words. The generated workflow schema
 * carries no descriptions, so this table is where the help lives.
 *
 * Keys are dotted paths; `*` stands for a name the learner chooses (a job, a
 * trigger, a service, a step's place in the list).
 */
export const workflowKeyHelp: Readonly<Record<string, string>> = {
  // The top level
  name: 'The title shown for this workflow in the Actions tab. Without it, the file path is shown.',
  'run-name': 'The title of each single run, e.g. `Deploy ${{ github.ref_name }}`: it may use expressions, so runs are told apart in the list.',
  on: 'What starts the workflow: one trigger (`on: push`), a list (`on: [push, pull_request]`) or a map with filters per trigger (`on: { push: { branches: [main] } }`).',
  env: 'Environment variables set for every step below this level, as `NAME: value`. A job or a step can override them with its own `env`.',
  defaults: 'Settings every `run` step below inherits, mostly `run.shell` and `run.working-directory` (e.g. run every command inside `./service`).',
  permissions:
    'What the automatic `GITHUB_TOKEN` may do, per scope (`contents: read`, `packages: write`, ...). Give the least a job needs: a pipeline that only tests needs `contents: read`; one that pushes an image to GHCR also needs `packages: write`.',
  concurrency: 'Lets only one run of a group go at a time. A `group` name (e.g. `deploy-${{ github.ref }}`) and `cancel-in-progress: true` make a newer push cancel the older run, so two deploys never race.',
  jobs: 'The jobs of this workflow, each under a name you choose. Jobs run in parallel on separate machines unless `needs` orders them.',

  // Triggers
  'on.push': 'Runs when commits are pushed. Filter with `branches`, `tags` or `paths`, e.g. only pushes to `main`.',
  'on.pull_request': 'Runs for a pull request (opened, updated with new commits, reopened). The usual place for tests that must pass before merging.',
  'on.workflow_dispatch': 'Adds a "Run workflow" button in the Actions tab, so the workflow can be started by hand (with optional `inputs`).',
  'on.schedule': 'Runs on a timetable: a list of `- cron: "30 4 * * 1"` entries, in UTC. Scheduled runs use the default branch.',
  'on.workflow_call': 'Makes this workflow reusable: another workflow can run it as a job with `uses: ./.github/workflows/this.yml`.',
  'on.release': 'Runs when a GitHub release is created, published or edited (choose with `types`).',
  'on.*.branches': 'Only these branches start the workflow; glob patterns such as `release/**` are allowed.',
  'on.*.branches-ignore': 'Every branch except these starts the workflow. Use either `branches` or `branches-ignore`, not both.',
  'on.*.tags': 'Only pushes of these tags start the workflow, e.g. `v*` for version tags.',
  'on.*.paths': 'Starts the workflow only when a changed file matches one of these patterns, e.g. `service/**`.',
  'on.*.paths-ignore': 'Does not start the workflow when every changed file matches these patterns (e.g. only `docs/**` changed).',
  'on.*.types': 'Which activities of the event count, e.g. `[opened, synchronize]` for pull requests.',
  'on.*.inputs': 'Values asked for when the workflow is started by hand or called, each with a `description`, `type` and `default`.',

  // A job
  'jobs.*': 'A job: a list of steps run one after the other on one runner. Its name here is how `needs` and the UI refer to it.',
  'jobs.*.name': 'The name shown for this job in the UI (the key above it is the id other jobs use).',
  'jobs.*.runs-on': 'The machine the job runs on: a GitHub-hosted runner label such as `ubuntu-latest`, or labels of your own self-hosted runners. Go, Docker and kubectl are at hand on `ubuntu-latest`.',
  'jobs.*.needs': 'Jobs that must finish successfully before this one starts, e.g. `needs: test` so an image is built only from tested code. Their outputs are read as `needs.<job>.outputs.<name>`.',
  'jobs.*.if': "Runs the job only when the condition holds, e.g. `github.ref == 'refs/heads/main'` so deploys happen from main only. `${{ }}` may be left out here.",
  'jobs.*.steps': 'The steps of the job, in order. Each step either runs an action (`uses`) or a shell command (`run`), never both.',
  'jobs.*.env': 'Environment variables for every step of this job.',
  'jobs.*.permissions': 'What the `GITHUB_TOKEN` may do in this job only; overrides the workflow-level `permissions`.',
  'jobs.*.strategy': 'Runs the job several times with different values: a `matrix`, plus `fail-fast` and `max-parallel`.',
  'jobs.*.strategy.matrix':
    'Each key is a variable with a list of values; the job runs once per combination, e.g. `go: ["1.23", "1.24"]` gives two runs that read `${{ matrix.go }}`. `include` adds or extends combinations, `exclude` removes some.',
  'jobs.*.strategy.matrix.include': 'Extra combinations, or extra values for combinations that already exist.',
  'jobs.*.strategy.matrix.exclude': 'Combinations of the matrix that are not run.',
  'jobs.*.strategy.fail-fast': 'With `true` (the default), the first failing combination cancels the others still running.',
  'jobs.*.strategy.max-parallel': 'At most this many combinations of the matrix run at the same time.',
  'jobs.*.services': 'Containers started beside the job for its whole duration, e.g. a `postgres` or `nats` service that the integration tests talk to. Each is reached on `localhost` with mapped `ports`.',
  'jobs.*.services.*': 'One service container; its name is also its host name when the job itself runs in a container.',
  'jobs.*.services.*.image': 'The image of the service container, e.g. `postgres:17` or `nats:2`.',
  'jobs.*.services.*.ports': 'Ports to map from the service to the runner, as `"host:container"`, e.g. `"5432:5432"`.',
  'jobs.*.services.*.env': 'Environment variables of the service container, e.g. `POSTGRES_PASSWORD`.',
  'jobs.*.services.*.options': 'Extra `docker create` flags, most often a `--health-cmd` so the job waits until the service is ready.',
  'jobs.*.container': "Runs the job's steps inside this container image instead of directly on the runner.",
  'jobs.*.timeout-minutes': 'The job is cancelled after this many minutes (default 360). A small value stops a hanging test from holding a runner for hours.',
  'jobs.*.concurrency': 'Like the workflow-level `concurrency`, for this job only: e.g. one deploy job at a time per environment.',
  'jobs.*.environment': 'The deployment environment this job targets (e.g. `production`); its protection rules and secrets apply.',
  'jobs.*.outputs': 'Values this job hands to jobs that `need` it, usually taken from a step: `${{ steps.<id>.outputs.<name> }}`.',
  'jobs.*.continue-on-error': 'With `true`, a failure of this job does not fail the workflow.',
  'jobs.*.defaults': 'Defaults for the `run` steps of this job, e.g. `run: { working-directory: service }`.',
  'jobs.*.uses': 'Runs a reusable workflow as this job, e.g. `./.github/workflows/build.yml`; such a job has no `steps`.',
  'jobs.*.with': 'Inputs passed to the reusable workflow this job `uses`.',
  'jobs.*.secrets': 'Secrets passed to the reusable workflow this job `uses`, or `inherit` to pass all of them.',

  // A step
  'jobs.*.steps.*.name': 'What the step is called in the log. Without it, the command or action is shown.',
  'jobs.*.steps.*.id': 'An id for this step, so later steps can read its results as `steps.<id>.outputs.<name>`.',
  'jobs.*.steps.*.uses': 'Runs an action: `owner/repo@version` (e.g. `actions/checkout@v4`, `actions/setup-go@v5`), a local folder `./path`, or `docker://image`. Pin a version so a new release cannot change your build.',
  'jobs.*.steps.*.with': "The action's inputs, as `name: value`, e.g. `go-version: '1.24'` for `actions/setup-go`.",
  'jobs.*.steps.*.run': 'Shell commands run on the runner (bash on Linux), e.g. `go test -race ./...`. A `|` block runs several lines; the step fails as soon as a command fails.',
  'jobs.*.steps.*.env': 'Environment variables for this step only, e.g. a secret: `TOKEN: ${{ secrets.TOKEN }}`.',
  'jobs.*.steps.*.if': "Runs the step only when the condition holds, e.g. `failure()` to upload logs when something broke, or `github.event_name == 'push'`.",
  'jobs.*.steps.*.shell': 'The shell for `run`: `bash`, `sh`, `pwsh`, `python`, ...',
  'jobs.*.steps.*.working-directory': 'The folder `run` starts in, e.g. `service` when the Go module is not at the repository root.',
  'jobs.*.steps.*.timeout-minutes': 'The step is cancelled after this many minutes.',
  'jobs.*.steps.*.continue-on-error': 'With `true`, a failure of this step lets the job carry on.',
};
