#!/bin/sh
# A scores file without its total.
mkdir -p content/scores && printf "IIT: 80\n" >content/scores/2566.yaml
