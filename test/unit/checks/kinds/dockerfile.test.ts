import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { imageReference, lintDockerfile, parseDockerfile } from '../../../../src/core/checks/kinds/dockerfile';
import { composedFile } from '../../../tools/composedModule';

const codes = (text: string): string[] => lintDockerfile(text).map((d) => `${d.range.start.line + 1}:${d.code.replace('dockerfile/', '')}`);

const good = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.26.0
FROM golang:\${GO_VERSION}-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build \\
    -o /out/order ./order/cmd/order
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/order /order
ENTRYPOINT ["/order"]
`;

describe('lintDockerfile', () => {
  it('accepts a pinned multi-stage build that copies only the binary onto nonroot distroless', () => {
    assert.deepEqual(codes(good), []);
  });

  it("flags the course outline's naive Dockerfile on the lines at fault", () => {
    const naive = 'FROM golang:latest\nWORKDIR /app\nCOPY . .\nRUN go build -o order-service\nENTRYPOINT ["/app/order-service"]\n';
    assert.deepEqual(codes(naive), ['1:single-stage', '1:unpinned-image', '1:root-user', '4:cgo-enabled']);
  });

  it('flags an untagged base, a context COPY in the final stage, a toolchain runtime and USER root', () => {
    const text = 'FROM golang AS build\nENV CGO_ENABLED=0\nRUN go build -o /x .\nFROM golang:1.26\nCOPY . /app\nCOPY --from=build /x /x\nUSER root\n';
    assert.deepEqual(codes(text), ['1:unpinned-image', '4:toolchain-runtime', '5:copies-context', '7:root-user']);
    const msg = lintDockerfile(text).find((d) => d.code === 'dockerfile/copies-context')?.message ?? '';
    assert.match(msg, /COPY --from=build/);
  });

  it('accepts an explicit non-root USER and scratch; a stage name is not an image', () => {
    const text = 'FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /x .\nFROM build AS test\nRUN go vet ./...\nFROM scratch\nCOPY --from=build /x /x\nUSER 65532:65532\n';
    assert.deepEqual(
      codes(text).filter((c) => !c.endsWith('cgo-enabled')),
      [],
    );
  });

  it('reports a file without FROM', () => {
    assert.deepEqual(codes('# nothing\n'), ['1:no-from']);
  });

  it('joins continuation lines and keeps the first line number', () => {
    const ins = parseDockerfile('FROM a:1\nRUN echo one \\\n  # a comment\n  two\nUSER 1\n');
    assert.deepEqual(
      ins.map((i) => [i.keyword, i.line, i.endLine]),
      [
        ['FROM', 0, 0],
        ['RUN', 1, 3],
        ['USER', 4, 4],
      ],
    );
    assert.match(ins[1]?.args ?? '', /echo one\s+two/);
  });

  it('splits registry ports from tags', () => {
    assert.deepEqual(imageReference('localhost:5000/shop/order'), { name: 'localhost:5000/shop/order', digest: undefined });
    assert.deepEqual(imageReference('gcr.io/distroless/static:nonroot@sha256:abc'), { name: 'gcr.io/distroless/static', tag: 'nonroot', digest: 'sha256:abc' });
  });

  it("passes the module 6 and 7 solutions' Dockerfiles and fails the module 6 starter's", () => {
    for (const mod of ['06-docker-kubernetes', '07-kubernetes-advanced']) {
      for (const svc of ['order', 'inventory']) {
        const file = composedFile(mod, 'solution', `${svc}/Dockerfile`); // module 7 takes them from module 6
        assert.deepEqual(codes(fs.readFileSync(file, 'utf8')), [], file);
      }
    }
    const starter = fs.readFileSync(composedFile('06-docker-kubernetes', 'starter', 'order/Dockerfile'), 'utf8');
    assert.ok(codes(starter).length > 0);
  });
});
