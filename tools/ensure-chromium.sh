#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests exists: $CHROMIUM_PATH or Debian's /usr/bin/chromium,
# installed with apt-get when this user can (Playwright cannot download its own browsers here).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the browser tests…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  exit 0
fi
echo "No Chromium at $browser. Install Debian's chromium (sudo apt-get install -y chromium)," >&2
echo "or set CHROMIUM_PATH to a Chromium binary, then run npm test again." >&2
exit 1
