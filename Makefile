# Two commands set everything up on a fresh machine: `make serve` and `make test`.
# Both create .venv from the pinned requirements.txt first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build publish review test check linkcheck bench clean

# The venv is rebuilt whenever requirements.txt changes.
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The Nu HTML validator for the browser tests, pinned in package-lock.json. Scripts are
# skipped: vnu-jar's postinstall would download a Java runtime; Debian's Java 17 runs it.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## serve: a preview on http://127.0.0.1:8000, rebuilt on every save in a second or two at
## any size: every page but the Rundown items, of which the PREVIEW_ITEMS saved last
## (README: "Previewing"); PREVIEW_ITEMS=0 serves the whole site, built strictly
PREVIEW_ITEMS ?= 10
serve: $(VENV)/.installed
	PREVIEW_ITEMS=$(PREVIEW_ITEMS) $(BIN)/python -m macros.commands.serve $(if $(filter 0,$(PREVIEW_ITEMS)),--strict) --dev-addr 127.0.0.1:8000

## build: strict build into site/; a failed build leaves the previous site/ untouched
build: $(VENV)/.installed
	@$(MAKE) --no-print-directory publish

# The build proper, without the venv step (tests run it with their own MKDOCS).
MKDOCS ?= $(BIN)/mkdocs
publish:
	rm -rf site.new
	PREVIEW_ITEMS=0 $(MKDOCS) build --strict --site-dir site.new || { rm -rf site.new; exit 1; }
	rm -rf site && mv site.new site

## review: what readers will see change against BASE (a git ref; default: the merge base
## with main): builds both at once, the working tree as it stands into site/, and writes
## review.md (CONTRIBUTING.md: "Review a pull request")
review: $(VENV)/.installed
	$(BIN)/python -m macros.commands.review

## check: data, pages and rules in a second or two, without building the site
check: $(VENV)/.installed
	$(BIN)/python -m macros.commands.check

## test: `make check`, then every test (browser tests included where Chromium is installed),
## on every core: the browser tests on one, the rest shared among the others
test: check node_modules/.installed
	$(BIN)/python -m pytest -n auto --dist loadgroup

## linkcheck: every source's URL and archived copy, asked over the network (the one
## command that needs it); writes linkcheck-report.md, fails if a link is broken or silent
linkcheck: $(VENV)/.installed
	$(BIN)/python -m macros.commands.linkcheck $(LINKCHECK_ARGS)

## bench: build, rebuild, page weight, Lighthouse and search at N = 10/100/1000 items
## (about 30 minutes; writes bench/results.md and .json; BENCH_ARGS="--help" for options)
bench: $(VENV)/.installed
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf site site.new site.review $(VENV) .pytest_cache node_modules test-artifacts linkcheck-report.md review.md
