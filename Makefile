# AdminLedger: `make demo` and `make test` install what is missing, build, and run.
SWIFT ?= swift
PREFIX ?= /usr/local
APT_PACKAGES := libgit2-dev zlib1g-dev pkg-config git

.PHONY: all deps test-deps build release test demo install bench bench-quick clean json-schema-test-suite schemas

all: build

# Installs the Debian packages $(2) with apt-get as root when the check $(1) fails, or says how.
apt_install = if $(1); then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing $(2) with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	else \
	  echo "error: missing system packages; install them with: sudo apt-get install $(2)"; \
	  exit 1; \
	fi

# Installs the system packages the build and tests need, once.
deps:
	@command -v $(SWIFT) >/dev/null 2>&1 || { \
	  echo "error: the Swift toolchain ($(SWIFT)) is not on PATH; install Swift 6 from swift.org"; exit 1; }
	@$(call apt_install,pkg-config --exists libgit2 zlib 2>/dev/null && command -v git >/dev/null 2>&1,$(APT_PACKAGES))

# What the tests use to prove interoperability, once: headless Chromium renders the review site
# (Debian's chromium), strace shows that writes reach the disk in order (Debian's strace), and
# the icalendar Python package parses the calendar export.
TEST_APT_PACKAGES := chromium strace
test-deps: deps
	@$(call apt_install,command -v chromium >/dev/null 2>&1 && command -v strace >/dev/null 2>&1,$(TEST_APT_PACKAGES))
	@python3 -c 'import icalendar' >/dev/null 2>&1 || { \
	  echo "Installing the icalendar Python package with pip"; \
	  python3 -m pip install -q --timeout 30 icalendar >/dev/null || { \
	    echo "error: cannot install icalendar; run: python3 -m pip install icalendar"; exit 1; }; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: test-deps json-schema-test-suite
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The official JSON-Schema-Test-Suite, which the `jsonschema` source package on PyPI carries:
# fetched once into .build (never committed); without it, that one test is skipped.
SUITE := .build/json-schema-test-suite
json-schema-test-suite:
	@if [ ! -d $(SUITE)/tests/draft2020-12 ]; then \
	  rm -rf .build/suite-download && mkdir -p .build/suite-download $(SUITE) && \
	  if python3 -m pip download -q --timeout 20 --retries 1 --no-deps --no-binary :all: jsonschema==4.26.0 \
	      -d .build/suite-download >/dev/null 2>&1 \
	    && tar xzf .build/suite-download/jsonschema-4.26.0.tar.gz -C .build/suite-download; then \
	    cp -R .build/suite-download/jsonschema-4.26.0/json/tests .build/suite-download/jsonschema-4.26.0/json/remotes $(SUITE)/; \
	  else echo "note: could not download the JSON-Schema-Test-Suite; its test is skipped"; fi; \
	fi

# Regenerates the embedded copy of schemas/ after a schema changed.
schemas:
	bash schemas/embed.sh

demo: release
	bash ledger/demo.sh .build/release/adminledger

install: release
	install -d $(PREFIX)/bin
	install -m 755 .build/release/adminledger $(PREFIX)/bin/adminledger

# The benchmark (bench/run.sh): adminledger against the git program on a synthetic ledger that
# bench/Synth generates once into .build/bench/. Full: 100,000 records and 20,000 commits;
# quick: 10,000 records and 2,000 commits (under three minutes). Results in bench/results/.
BENCH_TOOLS := .build/release/adminledger .build/release/ledger-synth
bench: release
	$(SWIFT) build -c release --product ledger-synth
	bash bench/run.sh $(BENCH_TOOLS) full

bench-quick: release
	$(SWIFT) build -c release --product ledger-synth
	bash bench/run.sh $(BENCH_TOOLS) quick

clean:
	rm -rf .build
