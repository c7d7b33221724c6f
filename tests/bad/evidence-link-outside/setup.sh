#!/bin/sh
# Evidence that is a link to a document beside content/, not inside it.
echo '%PDF-1.4' >outside.pdf
mkdir -p content/files
ln -s ../../outside.pdf content/files/plan-2566.pdf
