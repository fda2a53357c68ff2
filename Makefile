# Thin wrappers around scripts/ (which CI calls too). `make setup` installs the tools once.
.PHONY: setup run test ui fmt lint

setup:
	scripts/setup.sh

run:
	scripts/run.sh

test:
	scripts/test.sh

ui: setup
	scripts/build-ui.sh

fmt:
	scripts/fmt.sh

lint:
	scripts/lint.sh
