# AdminLedger: `make demo` and `make test` install what is missing, build, and run.
SWIFT ?= swift
PREFIX ?= /usr/local
APT_PACKAGES := libgit2-dev pkg-config git

.PHONY: all deps build release test demo install bench clean

all: build

# Installs the system packages the build and tests need, once.
deps:
	@command -v $(SWIFT) >/dev/null 2>&1 || { \
	  echo "error: the Swift toolchain ($(SWIFT)) is not on PATH; install Swift 6 from swift.org"; exit 1; }
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libgit2 \
	    && command -v git >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing $(APT_PACKAGES) with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	else \
	  echo "error: missing system packages; install them with: sudo apt-get install $(APT_PACKAGES)"; \
	  exit 1; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: release
	bash ledger/demo.sh .build/release/adminledger

install: release
	install -d $(PREFIX)/bin
	install -m 755 .build/release/adminledger $(PREFIX)/bin/adminledger

bench: release
	bash bench/run.sh .build/release/adminledger

clean:
	rm -rf .build
