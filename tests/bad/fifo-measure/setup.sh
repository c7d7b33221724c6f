#!/bin/sh
# A FIFO named like a measure: must not block check.
mkfifo content/measures/2566/pipe.md
