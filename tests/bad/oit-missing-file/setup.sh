#!/bin/sh
# An item pointing to a document not in content/files/.
skip=O10
. "$(dirname "$0")/../_oit-2566.sh"
echo "O10: files/privacy-policy.pdf" >>content/oit/2566.yaml
