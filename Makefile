# mgp-pipeline: `make run` builds, seeds, serves, crawls and writes the lake; `make test` runs every test.
JAR        := target/pipeline.jar
SPARK_JAR  := spark/target/pipeline-spark.jar
PORT       ?= 8889
SEEDS      ?= seeds
LAKE       ?= lake
MVN        ?= mvn -B -q
JAVA       ?= java
SOURCES    := pom.xml $(shell find src/main -type f 2>/dev/null)
MOTOGP_URL := https://raw.githubusercontent.com/andrew-a-hale/open-motogp/master/data-lake/silver
# The Maven extension that makes `mvn camel:run` compile first (.mvn/maven.config loads it).
MVN_EXTENSION := .mvn/ext/compile-first.jar

.PHONY: run test test-spark spark spark-sql postgres server docs dev jmx bench soak seeds seeds-motogp jar check-readme clean
# A recipe that fails leaves no half-made target behind.
.DELETE_ON_ERROR:

# The jar starts a run in a JVM tuned for it, with a class archive it writes beside itself on the first run
# (io.mgp.pipeline.launch.JvmLauncher): no JVM flags needed here.
# ENGINE=spark builds silver and gold with Apache Spark, on local[*] or SPARK_MASTER (spark://host:7077).
run: $(JAR) $(SEEDS)/seasons.parquet $(if $(filter spark,$(ENGINE)),$(SPARK_JAR))
	@$(JAVA) -jar $(JAR) run --seeds $(SEEDS) --lake $(LAKE) --port $(PORT) $(if $(ENGINE),--engine $(ENGINE)) \
	  $(if $(SPARK_MASTER),--spark-master '$(SPARK_MASTER)')

# Not quiet: Surefire's and Failsafe's "Tests run:" lines are the test report. Its own jar, so that the jar `make run`
# uses (and its class archive) stays as it is.
# Then the Spark engine's (spark/, a Maven project of its own, so that Spark's jars stay out of pipeline.jar), with that jar.
test:
	@[ -n "$$MGP_TEST_POSTGRES_URL" ] || .ci/postgres status || echo "make test: no PostgreSQL on 127.0.0.1:55432, \
	so the tests of the catalog on PostgreSQL are skipped ('make postgres' starts one)"
	@mvn -B verify -Dpipeline.jar=target/verify/pipeline.jar
	@mvn -B -f spark/pom.xml verify -Dpipeline.jar=$(CURDIR)/target/verify/pipeline.jar \
	  -Dspark.build.directory=$(CURDIR)/spark/target/verify

# The Spark engine's tests alone, with the jar `make run` uses: Spark reading the lake pipeline.jar wrote, the models'
# unit tests on Spark, and a build on a standalone cluster (a master and two workers on loopback). About two minutes.
test-spark: $(JAR)
	@mvn -B -f spark/pom.xml verify -Dpipeline.jar=$(CURDIR)/$(JAR)

# The Spark engine, spark/target/pipeline-spark.jar with its lib/ (about 340 MB), which `--engine spark` finds at run time.
spark: $(SPARK_JAR)

# Spark SQL on the lake's tables (local[2]): statements ending in ';' from the terminal, or SQL="..." to run those and exit.
spark-sql: $(SPARK_JAR)
	@$(JAVA) -jar $(SPARK_JAR) --lake $(LAKE) $(if $(SQL),-e "$$SQL")

$(SPARK_JAR): $(JAR) spark/pom.xml $(shell find spark/src/main -type f 2>/dev/null)
	@$(MVN) -f spark/pom.xml -DskipTests package

# A private PostgreSQL server on 127.0.0.1:55432 for the tests of the lake's catalog on PostgreSQL (needs Debian's
# postgresql package; `.ci/postgres stop` stops it).
postgres:
	@.ci/postgres

# A server stopped by Ctrl-C or SIGTERM (exit 130 or 143) stopped as asked: no make error.
server: $(JAR) $(SEEDS)/seasons.parquet
	@$(JAVA) -jar $(JAR) serve --seeds $(SEEDS) --port $(PORT) --lake $(LAKE) || { status=$$?; [ $$status -eq 130 ] || [ $$status -eq 143 ]; }

# The lake's docs site, written again, then served with the API at http://127.0.0.1:$(PORT)/docs/ until Ctrl-C.
docs: $(JAR) $(SEEDS)/seasons.parquet
	@$(JAVA) -jar $(JAR) docs --lake $(LAKE)
	@$(JAVA) -jar $(JAR) serve --seeds $(SEEDS) --port $(PORT) --lake $(LAKE) || { status=$$?; [ $$status -eq 130 ] || [ $$status -eq 143 ]; }

# The API through the Camel Maven plugin, reloading its routes: save api.yaml or api-errors.yaml in
# src/main/resources/routes and their routes are replaced in the running server, without a restart. No jar needed.
dev:
	@$(MVN) camel:run -Dcamel.arguments=serve,--seeds,$(SEEDS),--port,$(PORT) \
	  -Dcamel.main.routes-reload-enabled=true -Dcamel.main.routes-reload-directory=$(CURDIR)/src/main/resources/routes

# What a running pipeline.jar or make dev (or the JVM PID=<pid>) shows over JMX: the pipeline's MBean, there while a
# run lasts, and Camel's route MBeans. Attaches as jconsole does (same user and machine), with the JDK's jshell.
# A run's or a server's JVM is the one `java -jar pipeline.jar run|serve` starts (io.mgp.pipeline.Main run ...), or, with
# the launcher off or the user's own -XX: options, that JVM itself.
jmx:
	@pid=$(PID); [ -n "$$pid" ] || pid=$$(jcmd -l | awk '/io.mgp.pipeline.Main (run|serve)|camel:run/ {print $$1; exit}'); \
	[ -n "$$pid" ] || pid=$$(jcmd -l | awk '/pipeline.jar (run|serve)/ {print $$1; exit}'); \
	[ -n "$$pid" ] || { echo "make jmx: no pipeline.jar running; PID=<pid> names a JVM" >&2; exit 1; }; \
	printf '%s\n' "$$JMX_LISTING" | PID=$$pid jshell -q --add-modules jdk.attach -

define JMX_LISTING
import javax.management.*;
import javax.management.remote.*;
var vm = com.sun.tools.attach.VirtualMachine.attach(System.getenv("PID"));
var jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent())).getMBeanServerConnection();
for (var name : jmx.queryNames(new ObjectName("io.mgp.pipeline:type=Pipeline,*"), null)) {
    System.out.println(name);
    var attributes = new TreeSet<String>();
    for (var attribute : jmx.getMBeanInfo(name).getAttributes()) attributes.add(attribute.getName());
    for (var attribute : attributes) System.out.printf("  %-18s %s%n", attribute, jmx.getAttribute(name, attribute));
}
for (var name : new TreeSet<>(jmx.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null)))
    System.out.printf("route %-22s completed %8s  failed %s%n", jmx.getAttribute(name, "RouteId"),
            jmx.getAttribute(name, "ExchangesCompleted"), jmx.getAttribute(name, "ExchangesFailed"));
/exit
endef
export JMX_LISTING

bench: $(JAR)
	@bench/run.sh

# A soak of the API, not part of `make test`: `serve` with faults under wrk for SOAK_SECONDS (default 300), sampled
# every 10 s (heap after GC, RSS, fds, threads), then a table and a verdict on growth. See bench/soak.sh for its
# settings, e.g. `make soak SOAK_SECONDS=60 SOAK_FAULTS=`.
soak: $(JAR)
	@bench/soak.sh

# Every command README.md shows, run in fresh clones of HEAD as a new user would type it (.ci/run runs it too).
check-readme:
	@.ci/check-readme

jar: $(JAR)

$(JAR): $(SOURCES)
	@echo "Building $@ (mvn package: a minute or so the first time)"
	@$(MVN) -DskipTests package

# The default seeds: generated, deterministic, shaped like the real data (scale 1). `make seeds` rewrites them;
# the run targets write them only when missing.
seeds: $(JAR)
	@$(JAVA) -jar $(JAR) seed --out $(SEEDS) --scale 1 --random-seed 42

$(SEEDS)/seasons.parquet: | $(JAR)
	@$(JAVA) -jar $(JAR) seed --out $(SEEDS) --scale 1 --random-seed 42

# The real MotoGP data, for users with internet access, into seeds/motogp (beside the default seeds, which
# a test compares with the generator): `make run SEEDS=seeds/motogp`.
seeds-motogp:
	@mkdir -p $(SEEDS)/motogp
	@for table in seasons events categories sessions classifications; do \
	  curl -fsSL -o $(SEEDS)/motogp/$$table.parquet.tmp $(MOTOGP_URL)/$$table.parquet && \
	  mv $(SEEDS)/motogp/$$table.parquet.tmp $(SEEDS)/motogp/$$table.parquet || exit 1; \
	done

# Rebuilds the Maven extension from its source (against the Maven running here); the jar is committed, since Maven
# needs it before it can build anything.
$(MVN_EXTENSION): .mvn/ext/CompileFirst.java .mvn/ext/components.xml
	@rm -rf target/mvn-extension && mkdir -p target/mvn-extension/META-INF/plexus
	@javac --release 8 -nowarn -Xlint:-options -d target/mvn-extension \
	  -cp "$$(ls "$$(dirname "$$(readlink -f "$$(command -v mvn)")")"/../lib/*.jar | tr '\n' :)" .mvn/ext/CompileFirst.java
	@cp .mvn/ext/components.xml target/mvn-extension/META-INF/plexus/
	@jar --create --file $@ --date=2026-01-01T00:00:00Z -C target/mvn-extension .

# The builds and the whole lake (its tables, catalog and crawl state go together), but the lake's README.
clean:
	@$(MVN) clean
	@rm -rf spark/target
	@cd $(LAKE) 2>/dev/null && rm -rf bronze silver gold catalog.db state logs quality target docs .lock || true
