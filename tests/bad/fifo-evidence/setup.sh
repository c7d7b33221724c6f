#!/bin/sh
# A FIFO in content/files: build could not copy it, so check refuses it.
mkdir -p content/files && mkfifo content/files/pipe.pdf
