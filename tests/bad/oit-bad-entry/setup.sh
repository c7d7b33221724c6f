#!/bin/sh
# An entry that is a list, and one without its url.
. "$(dirname "$0")/../_oit-2566.sh"
sed -i "/^O1:/d; /^O2:/d" content/oit/2566.yaml
printf "O1: [a, b]\nO2: {note: ไม่มีที่อยู่}\n" >>content/oit/2566.yaml
