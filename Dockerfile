# newsevents: build on Debian 13, run on a slim Debian 13 with the runtime libraries.
# Debian 13 packages librdkafka 2.8.0: SCRAM with Kafka 4.x brokers and the
# KIP-848 consumer group protocol (-X group.protocol=consumer), which Debian
# 12's 2.0.2 lacks (on Debian 12, scripts/setup.sh --librdkafka-current).
FROM debian:trixie AS build
RUN apt-get update && apt-get install -y --no-install-recommends \
        build-essential cmake pkg-config librdkafka-dev libjansson-dev libmicrohttpd-dev liblmdb-dev check \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY include include
COPY processor processor
COPY dict dict
COPY schemas schemas
COPY tests tests
COPY bench bench
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local \
    && cmake --build build -j"$(nproc)" --target newsevents \
    && cmake --install build

FROM debian:trixie-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
        librdkafka1 libjansson4 libmicrohttpd12t64 liblmdb0 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --no-create-home newsevents
COPY --from=build /usr/local/bin/newsevents /usr/local/bin/newsevents
COPY --from=build /usr/local/share/newsevents /usr/local/share/newsevents
USER newsevents
ENTRYPOINT ["/usr/local/bin/newsevents"]
CMD ["run", "--help"]
