# syntax=docker/dockerfile:1.7
#
# One image recipe for every Paystream service: docker build --build-arg MODULE=webhook-ingest -t paystream/ingest .
# (docker-compose.yml passes MODULE for each service).
#
# Multi-stage build from source: the first stage builds the module and the modules it needs with the Maven wrapper,
# so no jar has to be built on the host first; the second stage runs the Spring Boot jar on a JRE as a non-root user.

ARG JAVA_VERSION=17

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
ARG MODULE
RUN test -n "$MODULE" || (echo "build with --build-arg MODULE=<webhook-ingest|payment-worker|catalog-sync>" && false)
WORKDIR /src
COPY . .
# The Maven repository is a BuildKit cache, so rebuilding after a code change downloads nothing.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -pl "$MODULE" -am package \
    && cp "$MODULE/target/$MODULE"-*.jar /app.jar

FROM eclipse-temurin:${JAVA_VERSION}-jre
ARG MODULE
# curl is for the docker-compose health checks (GET /actuator/health).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app paystream
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER paystream
LABEL org.opencontainers.image.title="paystream-${MODULE}"
# exec form: the JVM is PID 1 and receives SIGTERM directly, so Spring's graceful shutdown runs on docker stop.
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
