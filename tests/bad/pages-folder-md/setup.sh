#!/bin/sh
# A folder named like a page: nothing in it is read.
mkdir -p content/pages/about.md
