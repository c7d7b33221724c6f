#!/bin/sh
# A total that is not the weighted sum of IIT, EIT and OIT: a warning.
mkdir -p content/scores && printf "IIT: 80\nEIT: 90\nOIT: 70\ntotal: 90\n" >content/scores/2566.yaml
