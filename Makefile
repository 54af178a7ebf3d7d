# The README's two commands: `make run` starts Both/And on your journal,
# `make test` runs every check and test. Both first install the system
# packages they need (see .ci/deps) and say so.

GO      ?= go
BIN     := bin/bothand
# Fyne reads the locale from LANG and complains about a bare "C".
export LANG ?= en_US.UTF-8

.PHONY: run test build lint deps bench-startup

run: ## start Both/And on your journal
	@.ci/deps build
	@echo "Building Both/And (the first build compiles Fyne: a few minutes)..."
	@$(GO) build -o $(BIN) .
	@echo "Starting Both/And. Your journal: $${BOTHAND_DB:-$$($(BIN) help | sed -n 's/^The journal is //p')}"
	@./$(BIN)

test: ## run the linters and every test, including the real window under Xvfb
	@.ci/deps test
	@$(MAKE) --no-print-directory lint
	@echo "==> go test -race ./... (the first run compiles Fyne with the race detector: several minutes)"
	@$(GO) test -race -timeout 25m ./...
	@echo "All checks passed."

lint:
	@echo "==> gofumpt"
	@out=$$($(GO) tool gofumpt -l .); if [ -n "$$out" ]; then echo "not gofumpt-formatted:"; echo "$$out"; exit 1; fi
	@echo "==> go vet"
	@$(GO) vet ./...
	@echo "==> staticcheck"
	@$(GO) tool staticcheck ./...

build:
	@$(GO) build -o $(BIN) .

bench-startup: ## start-up time and memory, empty journal vs 100,000 entries
	@.ci/deps test
	@.ci/bench-startup $(ENTRIES) $(RUNS)
