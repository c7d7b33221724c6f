#!/bin/sh
# Evidence that is a link to another file inside content/files: allowed.
mkdir -p content/files/2566 && echo '%PDF-1.4' >content/files/2566/plan-v2.pdf
ln -s 2566/plan-v2.pdf content/files/plan.pdf
