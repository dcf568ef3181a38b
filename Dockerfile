# syntax=docker/dockerfile:1
# The `loket` binary in a distroless image: no shell, no package manager, user 10001.
#
#   docker build -t loket:dev .
#   docker run --rm -p 8080:8080 loket:dev        # demo: SQLite and the demo tenants
#
# See docs/deploy.md. The cache mounts need BuildKit (the default builder of current Docker)
# or buildah (`podman build`); CI builds it with buildah (.ci/image).

# The base images, by default from Docker Hub and Google's distroless; a registry mirror's
# copies (or images with the same contents) can be named instead with --build-arg.
# The builder: Debian 12 with Rust 1.94 or newer and CARGO_HOME=/usr/local/cargo.
ARG BUILDER_IMAGE=docker.io/library/rust:1.94-slim-bookworm
# The runtime: glibc and libgcc, CA certificates, tzdata, no shell.
ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot

# ---------------------------------------------------------------------------------------
# cargo-chef splits the build in two: the dependencies, compiled from a recipe that only
# changes when Cargo.toml or Cargo.lock do (a cached layer), then Loket's own crates.
FROM ${BUILDER_IMAGE} AS chef
RUN cargo install cargo-chef --locked --version 0.1.78
WORKDIR /src

FROM chef AS planner
COPY . .
RUN cargo chef prepare --recipe-path recipe.json

FROM chef AS dependencies
COPY --from=planner /src/recipe.json recipe.json
# The downloaded crates are kept in a BuildKit cache between builds (one cache mount per RUN:
# every dependency comes from crates.io, and buildah before 1.29 keeps all but one lock of a
# RUN's locked mounts); the compiled dependencies end up in this layer, which is reused while
# recipe.json stays the same.
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    cargo chef cook --release --locked -p loket --recipe-path recipe.json

FROM dependencies AS builder
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    cargo build --release --locked -p loket \
 && install -D -m 0755 target/release/loket /out/usr/local/bin/loket \
 && mkdir -p /out/etc/loket /out/var/lib/loket/data \
 && cp -r tenants /out/etc/loket/tenants \
 && install -D -m 0644 LICENSE /out/usr/share/doc/loket/LICENSE

# ---------------------------------------------------------------------------------------
# Runtime: glibc and libgcc (the binary links them), CA certificates (webhooks and SMS
# gateways are verified against the system roots; SMTP and PostgreSQL TLS use the roots
# built into the binary), tzdata. Debian 12, like the builder.
FROM ${RUNTIME_IMAGE}

LABEL org.opencontainers.image.title="loket" \
      org.opencontainers.image.description="Loket: one GraphQL gateway for partner municipalities" \
      org.opencontainers.image.source="https://github.com/loket-gemeenten/loket" \
      org.opencontainers.image.licenses="EUPL-1.2"

COPY --from=builder --chown=0:0 /out/usr /usr
# The demo tenants; in Kubernetes the chart mounts the real tenants folder over this path.
COPY --from=builder --chown=0:0 /out/etc/loket /etc/loket
# The working directory, writable for the demo's SQLite file (./data/loket.db); production
# uses PostgreSQL and a read-only root filesystem.
COPY --from=builder --chown=10001:10001 /out/var/lib/loket /var/lib/loket
WORKDIR /var/lib/loket

# Numeric, so that Kubernetes' runAsNonRoot can check it without an /etc/passwd entry.
USER 10001:10001
ENV LOKET_LISTEN=0.0.0.0:8080 \
    LOKET_TENANTS=/etc/loket/tenants \
    LOKET_LOG_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/loket"]
CMD ["serve"]
