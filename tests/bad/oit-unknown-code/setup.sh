#!/bin/sh
# An O-code the year does not have.
. "$(dirname "$0")/../_oit-2566.sh"
echo "O44: https://www.example.go.th/oit/o44" >>content/oit/2566.yaml
