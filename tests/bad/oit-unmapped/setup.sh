#!/bin/sh
# Items of the current year without an address: a warning each.
skip="O3 O17"
. "$(dirname "$0")/../_oit-2566.sh"
