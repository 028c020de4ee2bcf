# ANCT Territoires for QGIS — set-up, tests, packaging.
PLUGIN      := anct_qgis_plugin
PYTHON      := /usr/bin/python3
VENV        := .venv
QGIS_PROCESS := qgis_process.bin
# QGIS profile to deploy into (QGIS_CUSTOM_CONFIG_PATH points QGIS at another settings root).
QGIS_CONFIG ?= $(if $(QGIS_CUSTOM_CONFIG_PATH),$(QGIS_CUSTOM_CONFIG_PATH),$(HOME)/.local/share/QGIS/QGIS3)
PROFILE_DIR ?= $(QGIS_CONFIG)/profiles/default
MIRROR      ?=
TERRITORY   ?= 36
DEMO_OUT    ?= demo/territory-$(TERRITORY).gpkg
APT_PACKAGES := python3-qgis qgis-providers qgis python3-venv python3-pandas python3-requests \
	python3-numpy python3-scipy python3-matplotlib python3-pypdf qttools5-dev-tools pyqt5-dev-tools \
	xvfb xauth imagemagick poppler-utils zip unzip debootstrap postgresql postgis postgresql-15-postgis-3
SUDO        := $(if $(filter 0,$(shell id -u)),,sudo)
export QT_QPA_PLATFORM ?= offscreen

DEPT        ?= 36
ATLAS_OUT   ?= demo/atlas

.PHONY: algorithm-reference benchmarks-doc docs-images setup test test-unit i18n translations package deploy demo atlas check-sources clean lint typecheck format format-check

setup:  ## Install QGIS from the distribution and a venv with pytest and pytest-qgis.
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES)
	$(PYTHON) -m venv --system-site-packages $(VENV)
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	$(MAKE) i18n

i18n:  ## Compile the translations (.ts -> .qm).
	lrelease -silent i18n/*.ts

algorithm-reference:  ## Rewrite docs/algorithms.md (every parameter and output) from the algorithms' declarations.
	QT_QPA_PLATFORM=offscreen $(PYTHON) scripts/make_algorithm_reference.py

benchmarks-doc:  ## Rewrite docs/benchmarks.md from benchmarks/record/*.json and benchmarks/benchmarks.template.md.
	$(PYTHON) benchmarks/report.py

translations:  ## Refresh i18n/*.ts from the code (then translate what is new).
	$(PYTHON) scripts/update_translations.py

test: i18n  ## Run the whole test suite against the installed QGIS.
	$(VENV)/bin/python -m pytest

test-unit:  ## The pure-Python tests alone, in seconds: tests/unit never imports QGIS (its conftest checks).
	$(VENV)/bin/python -m pytest -q -p no:qgis tests/unit

DEBIAN      ?= trixie

test-qgis: i18n  ## The same suite on another Debian's QGIS, in a chroot built once (DEBIAN=trixie: 3.40, sid: 3.44).
	$(SUDO) scripts/test_in_chroot.sh $(DEBIAN) -q

lint:  ## ruff, bandit and detect-secrets (the plugin repository's security scan), clean; metadata read as the repository reads it.
	$(VENV)/bin/ruff check .
	$(VENV)/bin/bandit -q -r $(PLUGIN)
	$(VENV)/bin/python scripts/security_scan.py --tree
	$(PYTHON) scripts/release.py --check-changelog

typecheck:  ## mypy over the modules pyproject.toml lists, with the .pyi of QGIS that the distribution ships.
	$(PYTHON) scripts/qgis_type_stubs.py build/typestubs
	$(VENV)/bin/mypy

format:  ## Reformat the tree with ruff (line length 120).
	$(VENV)/bin/ruff format .

format-check:  ## Fail when a file is not formatted as `make format` would.
	$(VENV)/bin/ruff format --check .

docs-images:  ## Refresh the README's screenshots (panel loaded, mid-load, reopened, indicator mapped) and atlas pages from ../shared (the tests render them to a temporary folder otherwise).
	ANCT_DOCS_DIR=$(abspath docs) $(VENV)/bin/python -m pytest -q tests/qgis/test_atlas_realistic.py tests/qgis/test_desktop_screenshot.py

package: i18n  ## Build dist/anct_qgis_plugin.zip, installable from QGIS's plugin manager.
	rm -rf build/$(PLUGIN) dist/$(PLUGIN).zip
	mkdir -p build/$(PLUGIN)/i18n dist
	cp -r $(PLUGIN)/. build/$(PLUGIN)/
	cp -r resources metadata.txt LICENSE README.md build/$(PLUGIN)/
	mkdir -p build/$(PLUGIN)/docs && cp docs/guide-utilisateur.md docs/screenshot-indicator.png build/$(PLUGIN)/docs/
	cp i18n/*.qm build/$(PLUGIN)/i18n/
	find build/$(PLUGIN) -name '__pycache__' -prune -exec rm -rf {} +
	cd build && zip -q -r ../dist/$(PLUGIN).zip $(PLUGIN)
	@echo "dist/$(PLUGIN).zip"

release: package  ## dist/anct_qgis_plugin-<version>.zip for plugins.qgis.org, after the repository's checks.
	$(VENV)/bin/python scripts/release.py build/$(PLUGIN)

deploy: package  ## Install the package into a QGIS profile and enable it.
	rm -rf "$(PROFILE_DIR)/python/plugins/$(PLUGIN)"
	mkdir -p "$(PROFILE_DIR)/python/plugins"
	unzip -q -o dist/$(PLUGIN).zip -d "$(PROFILE_DIR)/python/plugins"
	@# "already enabled" is an error for qgis_process: only a missing plugin matters here
	$(QGIS_PROCESS) plugins enable $(PLUGIN) >/dev/null 2>&1 || $(QGIS_PROCESS) plugins 2>/dev/null | grep -q "$(PLUGIN)"
	@echo "installed in $(PROFILE_DIR)/python/plugins/$(PLUGIN)"

demo: deploy  ## Fetch every layer of TERRITORY into a GeoPackage, headless (MIRROR=… for offline).
	mkdir -p $(dir $(DEMO_OUT))
	ANCT_QGIS_MIRROR="$(if $(MIRROR),$(abspath $(MIRROR)),)" $(QGIS_PROCESS) run anct:fetch_territory_pack -- \
		TERRITORY=$(TERRITORY) OUTPUT=$(abspath $(DEMO_OUT))
	ogrinfo -q -so $(DEMO_OUT) 2>/dev/null || true

atlas: deploy  ## Print the atlas sheet of DEPT headless into ATLAS_OUT (MIRROR=… for offline).
	mkdir -p $(ATLAS_OUT)
	ANCT_QGIS_MIRROR="$(if $(MIRROR),$(abspath $(MIRROR)),)" $(QGIS_PROCESS) run anct:department_atlas -- \
		DEPARTMENTS=$(DEPT) OUTPUT_FOLDER=$(abspath $(ATLAS_OUT))

CHECK_OUT   ?= demo/check-sources.csv

check-sources: deploy  ## Which file each source reads today, its date, size, columns, rows (MIRROR=… for a mirror).
	mkdir -p $(dir $(CHECK_OUT))
	ANCT_QGIS_MIRROR="$(if $(MIRROR),$(abspath $(MIRROR)),)" $(QGIS_PROCESS) run anct:check_sources -- \
		FAIL_ON_ERROR=true OUTPUT=$(abspath $(CHECK_OUT))
	@echo "$(CHECK_OUT)"

clean:
	rm -rf build dist i18n/*.qm .pytest_cache
