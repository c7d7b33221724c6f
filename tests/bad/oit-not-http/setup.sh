#!/bin/sh
# Addresses that are not https:// or http://: listed as not published, with a warning each.
skip="O8 O9"
. "$(dirname "$0")/../_oit-2566.sh"
printf "O8: javascript:alert(1)\nO9: www.facebook.com/example\n" >>content/oit/2566.yaml
