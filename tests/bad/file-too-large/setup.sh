#!/bin/sh
# A measure file one KiB over the 4 MiB limit, made here rather than committed.
f=content/measures/2566/huge.md
printf -- '---\ntitle: x\n---\n' >"$f"
dd if=/dev/zero bs=1024 count=4097 2>/dev/null | tr '\0' 'a' >>"$f"
