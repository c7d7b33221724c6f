#!/bin/sh
# A year folder that is a link to a folder beside content/.
mkdir -p elsewhere
printf -- '---\ntitle: x\n---\n' >elsewhere/x.md
ln -s ../../elsewhere content/measures/2567
