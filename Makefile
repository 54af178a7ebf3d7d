# The README's two commands: `make run` starts Both/And on your journal,
# `make test` runs every check and test. Both first install the system
# packages they need (see .ci/deps) and say so.

GO      ?= go
BIN     := bin/bothand
# The tray's own small program, beside bothand (app/tray/bothand-tray).
TRAYBIN := bin/bothand-tray
# Fyne reads the locale from LANG and complains about a bare "C".
export LANG ?= en_US.UTF-8

.PHONY: run test test-long fuzz build lint deps bench bench-startup

# How long each fuzz target runs in `make test`; `make test-long` runs longer.
FUZZTIME ?= 5s
FUZZ_TARGETS := FuzzMain:./app/cli FuzzSearch:./data FuzzImport:./data/transfer FuzzImportICS:./data/ical FuzzRRule:./data

run: ## start Both/And on your journal
	@.ci/deps build
	@echo "Building Both/And (the first build compiles Fyne: a few minutes)..."
	@$(GO) build -o $(BIN) .
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
	@$(GO) build -o $(BIN) .
	@$(GO) build -o $(TRAYBIN) ./app/tray/bothand-tray

bench: ## every hot-path benchmark over 100,000 entries, as one table with the budgets
	@.ci/bench

bench-startup: ## start-up time and memory, empty journal vs 100,000 entries
	@.ci/deps test
	@.ci/bench-startup $(or $(ENTRIES),100000) $(or $(RUNS),7)
