# Builds and runs the application image used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 renewal
USER renewal
COPY --from=build /src/target/equipment-renewal-*.jar /app/app.jar
EXPOSE 8080
# Explicit bounds rather than a share of the container's memory: heap, metaspace, thread stacks, JIT code and
# direct buffers together stay under 768 MB RSS under load (measured, see docs/operations.md). Override the whole
# set with JAVA_TOOL_OPTIONS; a node that runs out of memory exits so that it is restarted instead of limping.
ENV JAVA_TOOL_OPTIONS="-Xmx384m -XX:MaxMetaspaceSize=160m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
