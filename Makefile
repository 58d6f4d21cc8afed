# AdminLedger: `make demo` and `make test` install what is missing, build, and run.
SWIFT ?= swift
PREFIX ?= /usr/local
# openssh-client: ssh-keygen signs and verifies commits (git's gpg.format ssh), as git runs it.
APT_PACKAGES := libgit2-dev zlib1g-dev pkg-config git openssh-client

.PHONY: all deps test-deps build release test demo install bench bench-quick clean json-schema-test-suite schemas fuzz sanitize
.PHONY: lint bench-deps

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
	@$(call apt_install,pkg-config --exists libgit2 zlib 2>/dev/null && command -v git >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1,$(APT_PACKAGES))

# What the tests use to prove interoperability, once: headless Chromium renders the review site
# (Debian's chromium), strace shows that writes reach the disk in order (Debian's strace), the
# icalendar Python package parses the calendar export, and sync is proven over real servers the
# tests start on 127.0.0.1: OpenSSH's sshd (openssh-server) and git http-backend behind lighttpd
# over TLS (lighttpd, lighttpd-mod-openssl; openssl makes the certificates). The completion
# scripts are loaded by the shells themselves (zsh, fish; bash is there) and the manual page read
# by man (man-db) through col (bsdextrautils).
TEST_APT_PACKAGES := chromium strace openssh-server lighttpd lighttpd-mod-openssl openssl zsh fish man-db bsdextrautils
TEST_COMMANDS_PRESENT := command -v chromium >/dev/null 2>&1 && command -v strace >/dev/null 2>&1 \
	  && [ -x /usr/sbin/sshd ] && [ -x /usr/sbin/lighttpd ] && [ -f /usr/lib/lighttpd/mod_openssl.so ] \
	  && command -v openssl >/dev/null 2>&1 && command -v zsh >/dev/null 2>&1 && command -v fish >/dev/null 2>&1 \
	  && command -v man >/dev/null 2>&1 && command -v col >/dev/null 2>&1
test-deps: deps
	@$(call apt_install,$(TEST_COMMANDS_PRESENT),$(TEST_APT_PACKAGES))
	@python3 -c 'import icalendar' >/dev/null 2>&1 || { \
	  echo "Installing the icalendar Python package with pip"; \
	  python3 -m pip install -q --timeout 30 icalendar >/dev/null || { \
	    echo "error: cannot install icalendar; run: python3 -m pip install icalendar"; exit 1; }; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: test-deps json-schema-test-suite lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# swift-format with the committed .swift-format; any finding fails (--strict). Layout findings
# are fixed by `$(SWIFT) format format -i -r --configuration .swift-format Sources Tests Package.swift`;
# the others (a force unwrap, a `try!`, an implicitly unwrapped optional...) by hand.
# Line length 130 (the width the code is written at). swift-format's default rules are on, plus
# NeverForceUnwrap, NeverUseForceTry, NeverUseImplicitlyUnwrappedOptionals and OrderedImports;
# off: GroupNumericLiterals (SHA and Ed25519 constants written as in their specifications),
# DoNotUseSemicolons (paired carry steps in Ed25519), OneCasePerLine (one-line raw-value enums),
# OneVariableDeclarationPerLine (parallel `let a = ..., b = ...`), ReplaceForEachWithForLoop,
# NoBlockComments and AlwaysUseLowerCamelCase (libFuzzer's LLVMFuzzerRunDriver).
lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift

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

# Installs under $(DESTDIR)$(PREFIX): the program, its completion scripts where bash
# (bash-completion), zsh and fish look for them, and its manual page, in English and French;
# the scripts and pages are written by the program itself from its commands' specifications.
DEST := $(DESTDIR)$(PREFIX)
GENERATED := .build/install-files
install: release
	rm -rf $(GENERATED) && mkdir -p $(GENERATED)/fr
	.build/release/adminledger completion bash --lang en > $(GENERATED)/adminledger.bash
	.build/release/adminledger completion zsh --lang en > $(GENERATED)/_adminledger
	.build/release/adminledger completion fish --lang en > $(GENERATED)/adminledger.fish
	.build/release/adminledger manual --lang en > $(GENERATED)/adminledger.1
	.build/release/adminledger manual --lang fr > $(GENERATED)/fr/adminledger.1
	install -d $(DEST)/bin $(DEST)/share/bash-completion/completions $(DEST)/share/zsh/site-functions \
	  $(DEST)/share/fish/vendor_completions.d $(DEST)/share/man/man1 $(DEST)/share/man/fr/man1
	install -m 755 .build/release/adminledger $(DEST)/bin/adminledger
	install -m 644 $(GENERATED)/adminledger.bash $(DEST)/share/bash-completion/completions/adminledger
	install -m 644 $(GENERATED)/_adminledger $(DEST)/share/zsh/site-functions/_adminledger
	install -m 644 $(GENERATED)/adminledger.fish $(DEST)/share/fish/vendor_completions.d/adminledger.fish
	install -m 644 $(GENERATED)/adminledger.1 $(DEST)/share/man/man1/adminledger.1
	install -m 644 $(GENERATED)/fr/adminledger.1 $(DEST)/share/man/fr/man1/adminledger.1

# The benchmark (bench/run.sh): adminledger against the git program on a synthetic ledger that
# bench/Synth generates once into .build/bench/. Full: 100,000 records and 20,000 commits;
# quick: 10,000 records and 2,000 commits (under three minutes). Results in bench/results/.
BENCH_TOOLS := .build/release/adminledger .build/release/ledger-synth
# git filter-repo (Debian's git-filter-repo) is the forget row's baseline.
bench-deps: deps
	@$(call apt_install,command -v git-filter-repo >/dev/null 2>&1,git-filter-repo)

bench: release bench-deps
	$(SWIFT) build -c release --product ledger-synth
	bash bench/run.sh $(BENCH_TOOLS) full

bench-quick: release bench-deps
	$(SWIFT) build -c release --product ledger-synth
	bash bench/run.sh $(BENCH_TOOLS) quick

# Fuzzing (libFuzzer): each property of Sources/LedgerFuzzing runs for FUZZ_SECONDS, starting
# from the committed corpus Tests/FuzzCorpus/<target>/ (which `make test` replays). New inputs
# go to a scratch corpus under .build-fuzz; a crash leaves crash-* there and stops the run
# (Swift's backtracer is off so that libFuzzer's own signal handler saves the input).
# Keep an interesting input with: cp .build-fuzz/corpus/<target>/<file> Tests/FuzzCorpus/<target>/
# Replay files without the fuzzer: .build/debug/ledger-fuzz <target> <file>...
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= json schema csv merge
FUZZ_SCRATCH := .build-fuzz
FUZZ_FLAGS := -max_len=4096 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
fuzz: deps
	$(SWIFT) build -c release --product ledger-fuzz --scratch-path $(FUZZ_SCRATCH) \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -DLEDGER_FUZZER
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_SCRATCH)/corpus/$$target $(FUZZ_SCRATCH)/artifacts/$$target; \
	  echo "== fuzzing $$target for $(FUZZ_SECONDS) s"; \
	  ADMINLEDGER_FUZZ_TARGET=$$target SWIFT_BACKTRACE=enable=no \
	    $(FUZZ_SCRATCH)/release/ledger-fuzz $(FUZZ_FLAGS) \
	    -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=$(FUZZ_SCRATCH)/artifacts/$$target/ \
	    $(FUZZ_SCRATCH)/corpus/$$target Tests/FuzzCorpus/$$target \
	    >$(FUZZ_SCRATCH)/$$target.log 2>&1; status=$$?; \
	  grep -E '^(Done [0-9]+ runs|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)' \
	    $(FUZZ_SCRATCH)/$$target.log | sed "s/^/  $$target /"; \
	  echo "  $$target corpus: $$(ls $(FUZZ_SCRATCH)/corpus/$$target | wc -l) scratch, $$(ls Tests/FuzzCorpus/$$target | wc -l) committed"; \
	  if [ $$status != 0 ]; then tail -n 40 $(FUZZ_SCRATCH)/$$target.log; \
	    echo "error: $$target failed; see $(FUZZ_SCRATCH)/$$target.log and $(FUZZ_SCRATCH)/artifacts/$$target/"; exit 1; fi; \
	done

# The test suite under AddressSanitizer, then ThreadSanitizer, each in its own scratch folder
# (the end-to-end tests find the sanitized adminledger next to the test bundle). Leak detection
# is off: LeakSanitizer takes Swift enum payloads (pointers with tag bits) for lost memory,
# fills the tools' stderr with false reports, and cannot run under the strace tests.
SANITIZE_FILTER ?=
sanitize: test-deps json-schema-test-suite
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=0 \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan $(SANITIZE_FILTER)
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan $(SANITIZE_FILTER)

clean:
	rm -rf .build
