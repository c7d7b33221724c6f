#!/bin/sh
# A measure that is a link to a file beside content/, not inside it.
printf -- '---\ntitle: x\n---\n' >outside.md
ln -s ../../../outside.md content/measures/2566/linked.md
