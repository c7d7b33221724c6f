#!/bin/sh
# An item pointing to a page the portal does not make.
skip=O5
. "$(dirname "$0")/../_oit-2566.sh"
echo "O5: /contact/" >>content/oit/2566.yaml
