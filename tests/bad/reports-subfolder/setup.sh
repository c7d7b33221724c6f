#!/bin/sh
# A folder inside content/reports/: nothing in it is read.
mkdir -p content/reports/old
