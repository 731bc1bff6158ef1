import type { ToolId } from '../tools/toolIds';

export type HostOs = 'linux' | 'darwin' | 'win32';

/** One way to install a tool: a label ("apt", "Homebrew") and the command to type. */
export interface InstallOption {
  readonly via: string;
  readonly command: string;
  readonly note?: string;
}

export interface InstallHint {
  readonly options: readonly InstallOption[];
  readonly docsUrl: string;
}

type Table = Record<ToolId, { docsUrl: string } & Record<HostOs, InstallOption[]>>;

// Commands are shown to the learner, never run by the extension.
const table: Table = {
  go: {
    docsUrl: 'https://go.dev/doc/install',
    linux: [
      { via: 'snap', command: 'sudo snap install go --classic' },
      { via: 'Homebrew', command: 'brew install go' },
      { via: 'apt', command: 'sudo apt install golang-go', note: "Debian's and older Ubuntu's golang-go lag behind (Debian 12 ships Go 1.19); check the version it installs." },
    ],
    darwin: [{ via: 'Homebrew', command: 'brew install go' }],
    win32: [{ via: 'winget', command: 'winget install --id GoLang.Go -e' }],
  },
  docker: {
    docsUrl: 'https://docs.docker.com/get-started/get-docker/',
    linux: [
      { via: 'apt', command: 'sudo apt install docker.io', note: 'Then let yourself use it without sudo: sudo usermod -aG docker $USER, and log out and in again.' },
      { via: 'snap', command: 'sudo snap install docker' },
    ],
    darwin: [{ via: 'Homebrew', command: 'brew install --cask docker', note: 'This installs Docker Desktop; open it once so the engine starts.' }],
    win32: [{ via: 'winget', command: 'winget install --id Docker.DockerDesktop -e', note: 'Docker Desktop needs WSL 2; open it once so the engine starts.' }],
  },
  kubectl: {
    docsUrl: 'https://kubernetes.io/docs/tasks/tools/',
    linux: [
      { via: 'snap', command: 'sudo snap install kubectl --classic' },
      { via: 'Homebrew', command: 'brew install kubectl' },
      { via: 'apt', command: 'sudo apt install kubernetes-client', note: 'Debian 12 packages kubectl 1.20, older than current clusters; prefer snap or the Kubernetes apt repository.' },
    ],
    darwin: [{ via: 'Homebrew', command: 'brew install kubectl' }],
    win32: [{ via: 'winget', command: 'winget install --id Kubernetes.kubectl -e' }],
  },
  helm: {
    docsUrl: 'https://helm.sh/docs/intro/install/',
    linux: [
      { via: 'snap', command: 'sudo snap install helm --classic' },
      { via: 'Homebrew', command: 'brew install helm' },
    ],
    darwin: [{ via: 'Homebrew', command: 'brew install helm' }],
    win32: [{ via: 'winget', command: 'winget install --id Helm.Helm -e' }],
  },
  kind: {
    docsUrl: 'https://kind.sigs.k8s.io/docs/user/quick-start/#installation',
    linux: [
      { via: 'Go', command: 'go install sigs.k8s.io/kind@latest', note: 'Installs into $(go env GOPATH)/bin; make sure that folder is on your PATH.' },
      { via: 'Homebrew', command: 'brew install kind' },
    ],
    darwin: [{ via: 'Homebrew', command: 'brew install kind' }],
    win32: [{ via: 'winget', command: 'winget install --id Kubernetes.kind -e' }],
  },
  minikube: {
    docsUrl: 'https://minikube.sigs.k8s.io/docs/start/',
    linux: [
      { via: 'Homebrew', command: 'brew install minikube' },
      { via: '.deb', command: 'curl -LO https://storage.googleapis.com/minikube/releases/latest/minikube_latest_amd64.deb && sudo dpkg -i minikube_latest_amd64.deb' },
    ],
    darwin: [{ via: 'Homebrew', command: 'brew install minikube' }],
    win32: [{ via: 'winget', command: 'winget install --id Kubernetes.minikube -e' }],
  },
  'nats-server': {
    docsUrl: 'https://docs.nats.io/running-a-nats-service/introduction/installation',
    linux: [
      { via: 'apt', command: 'sudo apt install nats-server' },
      { via: 'Homebrew', command: 'brew install nats-server' },
      { via: 'Go', command: 'go install github.com/nats-io/nats-server/v2@latest' },
    ],
    darwin: [{ via: 'Homebrew', command: 'brew install nats-server' }],
    win32: [
      { via: 'Scoop', command: 'scoop install main/nats-server' },
      { via: 'Go', command: 'go install github.com/nats-io/nats-server/v2@latest' },
    ],
  },
  node: {
    docsUrl: 'https://nodejs.org/en/download',
    linux: [
      { via: 'snap', command: 'sudo snap install node --classic --channel=24', note: "Debian's and Ubuntu's nodejs package is older than 22.12 (Debian 12 ships 18, Debian 13 ships 20)." },
      { via: 'nvm', command: 'nvm install 24', note: 'With nvm (github.com/nvm-sh/nvm) installed: Node.js in your home folder, no sudo.' },
      { via: 'Homebrew', command: 'brew install node@24' },
    ],
    darwin: [
      { via: 'Homebrew', command: 'brew install node@24' },
      { via: 'nvm', command: 'nvm install 24' },
    ],
    win32: [{ via: 'winget', command: 'winget install --id OpenJS.NodeJS.LTS -e' }],
  },
  npm: {
    docsUrl: 'https://docs.npmjs.com/downloading-and-installing-node-js-and-npm',
    linux: [
      { via: 'Node.js', command: 'sudo snap install node --classic --channel=24', note: 'npm comes with Node.js; Debian splits it into its own package (sudo apt install npm), but its Node.js is too old for EventCatalog.' },
      { via: 'nvm', command: 'nvm install 24' },
    ],
    darwin: [{ via: 'Homebrew', command: 'brew install node@24' }],
    win32: [{ via: 'winget', command: 'winget install --id OpenJS.NodeJS.LTS -e' }],
  },
  git: {
    docsUrl: 'https://git-scm.com/downloads',
    linux: [{ via: 'apt', command: 'sudo apt install git' }],
    darwin: [
      { via: 'Xcode tools', command: 'xcode-select --install' },
      { via: 'Homebrew', command: 'brew install git' },
    ],
    win32: [{ via: 'winget', command: 'winget install --id Git.Git -e' }],
  },
};

/** How to install `tool` on `os`; an unknown OS gets the Linux options. */
export function installHint(tool: ToolId, os: string): InstallHint {
  const entry = table[tool];
  const key: HostOs = os === 'darwin' || os === 'win32' ? os : 'linux';
  return { options: entry[key], docsUrl: entry.docsUrl };
}
