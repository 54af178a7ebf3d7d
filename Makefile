# The README's two commands: `make run` starts Both/And on your journal,
# `make test` runs every check and test. Both first install the system
# packages they need (see .ci/deps) and say so.

GO      ?= go
BIN     := bin/bothand
# The tray's own small program, beside bothand (app/tray/bothand-tray).
TRAYBIN := bin/bothand-tray
# no_emoji leaves Fyne's 4 MB colour-emoji font out: Fyne parses it again
# for every text style, which held 16 MB of the window's heap (emoji still
# show through the system's fonts). docs/PERFORMANCE.md has the figures.
TAGS    := no_emoji
# Fyne reads the locale from LANG and complains about a bare "C".
export LANG ?= en_US.UTF-8

.PHONY: run test test-long test-window-race fuzz build lint deps bench bench-startup bench-tray install uninstall dist test-install test-windows

# Where `make install` puts Both/And: your own ~/.local by default (no root
# needed); PREFIX=/usr/local (as root) installs it for everyone.
PREFIX ?= $(HOME)/.local

# How long each fuzz target runs in `make test`; `make test-long` runs longer.
FUZZTIME ?= 5s
FUZZ_TARGETS := FuzzMain:./app/cli FuzzSearch:./data FuzzImport:./data/transfer FuzzImportICS:./data/ical FuzzRRule:./data FuzzConverge:./data/replica

run: ## start Both/And on your journal
	@.ci/deps build
	@echo "Building Both/And (the first build compiles Fyne: a few minutes)..."
	@$(GO) build -tags $(TAGS) -o $(BIN) .
	@$(GO) build -o $(TRAYBIN) ./app/tray/bothand-tray
	@echo "Starting Both/And. Your journal: $${BOTHAND_DB:-$$($(BIN) help | sed -n 's/^The journal is //p')}"
	@./$(BIN)

test: ## run the linters and every test, including the real window under Xvfb
	@.ci/deps test
	@$(MAKE) --no-print-directory lint
	@echo "==> go test -race ./... (the first run compiles Fyne with the race detector: several minutes)"
	@$(GO) test -race -timeout 25m ./...
	@$(MAKE) --no-print-directory fuzz
	@echo "All checks passed."

test-long: ## `make test` with 250 kills in the crash test and a minute per fuzz target
	@.ci/deps test
	@$(MAKE) --no-print-directory lint
	@echo "==> go test -race ./... with BOTHAND_LONG_TESTS=1"
	@BOTHAND_LONG_TESTS=1 $(GO) test -race -timeout 60m ./...
	@$(MAKE) --no-print-directory fuzz FUZZTIME=1m
	@echo "All checks passed."

test-window-race: ## the real-window tests on a race-built Both/And: a widget touched off the main goroutine fails them
	@.ci/deps test
	@echo "==> building Both/And with the race detector into bin/race"
	@$(GO) build -race -tags $(TAGS) -o bin/race/bothand .
	@# The tray program without it: fyne.io/systray v1.12.2 (the newest) races
	@# on its menu's version number; the tray's own code is raced in app/tray's tests.
	@$(GO) build -o bin/race/bothand-tray ./app/tray/bothand-tray
	@echo "==> the real-window tests on it (exit code 66 from the app: a data race, printed with the test's output)"
	@BOTHAND_E2E_BIN=$(CURDIR)/bin/race/bothand $(GO) test -count=1 -timeout 40m ./app/e2e

fuzz: ## run each fuzz target for FUZZTIME (new crashers land in testdata/fuzz)
	@for t in $(FUZZ_TARGETS); do \
		name=$${t%%:*}; pkg=$${t#*:}; \
		echo "==> fuzz $$name in $$pkg for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $$pkg || exit 1; \
	done

lint:
	@echo "==> gofumpt"
	@out=$$($(GO) tool gofumpt -l .); if [ -n "$$out" ]; then echo "not gofumpt-formatted:"; echo "$$out"; exit 1; fi
	@echo "==> go vet"
	@$(GO) vet ./...
	@echo "==> staticcheck"
	@$(GO) tool staticcheck ./...

build:
	@$(GO) build -tags $(TAGS) -o $(BIN) .
	@$(GO) build -o $(TRAYBIN) ./app/tray/bothand-tray

install: ## install Both/And in your applications menu (PREFIX=/usr/local: for everyone)
	@.ci/deps build
	@.ci/stage-linux bin/install "$$(.ci/version)"
	@DESTDIR="$(DESTDIR)" BOTHAND_UNINSTALL="make uninstall$(if $(filter-out $(HOME)/.local,$(PREFIX)), PREFIX=$(PREFIX))$(if $(DESTDIR), DESTDIR=$(DESTDIR))" \
		bin/install/install.sh --prefix "$(PREFIX)"

uninstall: ## remove exactly what `make install` installed (give the same PREFIX)
	@DESTDIR="$(DESTDIR)" assets/packaging/linux/install.sh --uninstall --prefix "$(PREFIX)"

dist: ## the release packages in dist/: Linux tarball, .deb, Windows zip, SHA256SUMS
	@.ci/dist

test-install: ## install and uninstall into a scratch HOME and DESTDIR, install the .deb and remove it
	@.ci/test-install

test-windows: ## build bothand.exe and run it under Wine in a virtual display (needs no Windows)
	@.ci/test-windows

bench: ## every hot-path benchmark over 100,000 entries, as one table with the budgets
	@.ci/bench

bench-startup: ## start-up time and memory, empty journal vs 100,000 entries, then the tray figures
	@.ci/deps test
	@.ci/bench-startup $(or $(ENTRIES),100000) $(or $(RUNS),7)

bench-tray: ## the always-on figures and their goals: window open, tray only, a bare Fyne window
	@.ci/deps test
	@.ci/bench-tray
