#!/usr/bin/env bash
# Makes sure PyTorch exists for the round-trip tests (src/export/pytorchRoundTrip.test.ts run the
# exported scripts): Debian's python3-torch for /usr/bin/python3 (or $PYTHON), installed with
# apt-get when this user can. Without it those tests fail and say so; they never skip.
set -euo pipefail
python="${PYTHON:-/usr/bin/python3}"
if "$python" -c 'import torch' >/dev/null 2>&1; then exit 0; fi
if [ "$python" = /usr/bin/python3 ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's python3-torch for the PyTorch round-trip tests…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >&2
  exit 0
fi
echo "No torch in $python. Install Debian's python3-torch (sudo apt-get install -y python3-torch)," >&2
echo "or set PYTHON to a Python that has torch; the PyTorch round-trip tests fail without it." >&2
exit 1
