#!/usr/bin/env bash
# Run the command line's black-box tests again under Node 24, when the tests
# otherwise run on another Node. The action's black-box tests already run
# its bundle on Node 24 (the runtime action.yml declares) in `npm test`, and
# the unit suites test code whose behaviour does not depend on the Node
# version; the command line runs on whatever Node its user has, so it is
# tested on the oldest `engines` allows (the main run) and on Node 24 here.
# The binary comes from scripts/node24.mjs (.tmp/node24, gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(node --version)" in
v24.*)
  echo "test:node24: already on Node $(node --version); the main run covered it."
  exit 0
  ;;
esac
if ! node24=$(node scripts/node24.mjs); then
  echo "test:node24: skipped (no Node 24 binary)."
  exit 0
fi
if [ "$#" -eq 0 ]; then
  set -- __tests__/blackbox/cli-run.test.ts
fi
echo "test:node24: jest on Node $("$node24" --version)"
NODE_NO_WARNINGS=1 "$node24" --experimental-vm-modules \
  node_modules/jest/bin/jest.js "$@" --selectProjects blackbox
