#!/bin/sh
# An indicator number out of range, and an unknown field.
mkdir -p content/scores && printf "indicators:\n  11: 50\ntotal: 80\nlevl: A\n" >content/scores/2566.yaml
