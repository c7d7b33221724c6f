#!/bin/sh
# An O-item file not named after its year.
. "$(dirname "$0")/../_oit-2566.sh"
cp content/oit/2566.yaml content/oit/latest.yaml
