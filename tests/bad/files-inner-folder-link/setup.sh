#!/bin/sh
# A link to a folder inside content/files (here a loop to its parent).
mkdir -p content/files/docs && echo x >content/files/docs/a.pdf
ln -s .. content/files/docs/loop
