# mgp-pipeline: `make run` builds, seeds, serves, crawls and writes the lake; `make test` runs every test.
JAR        := target/pipeline.jar
PORT       ?= 8889
SEEDS      ?= seeds
LAKE       ?= lake
MVN        ?= mvn -B -q
JAVA       ?= java
# A run lasts seconds: C2's compile threads would take much of 2 cores for code that finishes before it pays
# off, so runs use C1 only (-30% wall time measured here), and the parallel collector (-8%).
# `serve` keeps the JVM's defaults, tuned for throughput.
RUN_JAVA_OPTS ?= -XX:TieredStopAtLevel=1 -XX:+UseParallelGC
export RUN_JAVA_OPTS
# Class data sharing: a training run records the classes a run loads, parsed and verified, in an archive beside the
# jar (target/pipeline.jsa, rebuilt with it), which later JVMs map instead of loading them again: 0.4 s less
# startup. A JVM that cannot use it (another JDK, a moved jar) starts without it, silently.
ARCHIVE    := $(JAR:.jar=.jsa)
ARCHIVE_OPTS = -XX:SharedArchiveFile=$(ARCHIVE) -Xlog:cds=off -Xlog:cds+dynamic=off
SOURCES    := pom.xml $(shell find src/main -type f 2>/dev/null)
MOTOGP_URL := https://raw.githubusercontent.com/andrew-a-hale/open-motogp/master/data-lake/silver

.PHONY: run test server dev jmx bench soak seeds seeds-motogp jar clean
# A recipe that fails leaves no half-made target behind (a class archive written before its training run failed).
.DELETE_ON_ERROR:

run: $(JAR) $(ARCHIVE) $(SEEDS)/seasons.parquet
	$(JAVA) $(RUN_JAVA_OPTS) $(ARCHIVE_OPTS) -jar $(JAR) run --seeds $(SEEDS) --lake $(LAKE) --port $(PORT)

# Not quiet: Surefire's and Failsafe's "Tests run:" lines are the test report.
test:
	mvn -B verify

server: $(JAR) $(ARCHIVE) $(SEEDS)/seasons.parquet
	$(JAVA) $(ARCHIVE_OPTS) -jar $(JAR) serve --seeds $(SEEDS) --port $(PORT)

# The API through the Camel Maven plugin, reloading its routes: save api.yaml or api-errors.yaml in
# src/main/resources/routes and their routes are replaced in the running server, without a restart. No jar needed.
dev:
	$(MVN) compile camel:run -Dcamel.arguments=serve,--seeds,$(SEEDS),--port,$(PORT) \
	  -Dcamel.main.routes-reload-enabled=true -Dcamel.main.routes-reload-directory=$(CURDIR)/src/main/resources/routes

# What a running pipeline.jar or make dev (or the JVM PID=<pid>) shows over JMX: the pipeline's MBean, there while a
# run lasts, and Camel's route MBeans. Attaches as jconsole does (same user and machine), with the JDK's jshell.
jmx:
	@pid=$(PID); [ -n "$$pid" ] || pid=$$(jcmd -l | awk '/pipeline.jar (run|serve)|camel:run/ {print $$1; exit}'); \
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
	bench/run.sh

# A soak of the API, not part of `make test`: `serve` with faults under wrk for SOAK_SECONDS (default 300), sampled
# every 10 s (heap after GC, RSS, fds, threads), then a table and a verdict on growth. See bench/soak.sh for its
# settings, e.g. `make soak SOAK_SECONDS=60 SOAK_FAULTS=`.
soak: $(JAR)
	bench/soak.sh

jar: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -DskipTests package

# The class archive of a jar (bench/run.sh makes one for its copy): a full run on the default seeds, into a lake of
# its own, under the flags runs use; its output goes to a log, shown if it fails.
%.jsa: %.jar | $(SEEDS)/seasons.parquet
	rm -rf $*.training-lake
	$(JAVA) $(RUN_JAVA_OPTS) -XX:ArchiveClassesAtExit=$@ -jar $< run --seeds $(SEEDS) --lake $*.training-lake \
	  --port 0 --quiet >$*.training.log 2>&1 || { tail -n 20 $*.training.log; exit 1; }
	rm -rf $*.training-lake

# The default seeds: generated, deterministic, shaped like the real data (scale 1). `make seeds` rewrites them;
# the run targets write them only when missing.
seeds: $(JAR)
	$(JAVA) -jar $(JAR) seed --out $(SEEDS) --scale 1 --random-seed 42

$(SEEDS)/seasons.parquet: | $(JAR)
	$(JAVA) -jar $(JAR) seed --out $(SEEDS) --scale 1 --random-seed 42

# The real MotoGP data, for users with internet access, into seeds/motogp (beside the default seeds, which
# a test compares with the generator): `make run SEEDS=seeds/motogp`.
seeds-motogp:
	mkdir -p $(SEEDS)/motogp
	for table in seasons events categories sessions classifications; do \
	  curl -fsSL -o $(SEEDS)/motogp/$$table.parquet.tmp $(MOTOGP_URL)/$$table.parquet && \
	  mv $(SEEDS)/motogp/$$table.parquet.tmp $(SEEDS)/motogp/$$table.parquet || exit 1; \
	done

clean:
	$(MVN) clean
	rm -rf $(LAKE)/bronze $(LAKE)/silver $(LAKE)/gold
