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
SOURCES    := pom.xml $(shell find src/main -type f 2>/dev/null)
MOTOGP_URL := https://raw.githubusercontent.com/andrew-a-hale/open-motogp/master/data-lake/silver

.PHONY: run test server bench seeds seeds-motogp jar clean

run: $(JAR) $(SEEDS)/seasons.parquet
	$(JAVA) $(RUN_JAVA_OPTS) -jar $(JAR) run --seeds $(SEEDS) --lake $(LAKE) --port $(PORT)

# Not quiet: Surefire's and Failsafe's "Tests run:" lines are the test report.
test:
	mvn -B verify

server: $(JAR) $(SEEDS)/seasons.parquet
	$(JAVA) -jar $(JAR) serve --seeds $(SEEDS) --port $(PORT)

bench: $(JAR)
	bench/run.sh

jar: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -DskipTests package

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
