#!/bin/sh
# An O-item file for a year whose framework has no O-items.
mkdir -p content/oit && echo "O1: https://www.example.go.th/structure" >content/oit/2567.yaml
