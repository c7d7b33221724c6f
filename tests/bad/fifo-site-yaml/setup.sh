#!/bin/sh
# site.yaml a FIFO: must not block check.
rm content/site.yaml && mkfifo content/site.yaml
