#!/bin/sh
# tests/bad/_oit-2566.sh: sourced by the setup.sh of the O-item cases, in
# the case's site folder.  Writes a measure of 2566 (so that the portal
# answers O42 and O43 itself) and content/oit/2566.yaml giving every
# other item of 2566 an address, but those named in $skip.
mkdir -p content/measures/2566 content/oit
cat >content/measures/2566/plan.md <<'MD'
---
title: มาตรการทดสอบ
fiscal_year: 2566
areas: OIT
indicator: 10
owners: สำนักปลัด
period: whole-year
status: done
---
MD
: >content/oit/2566.yaml
i=1
while [ "$i" -le 41 ]; do
	case " ${skip:-} " in
	*" O$i "*) ;;
	*) echo "O$i: https://www.example.go.th/oit/o$i" >>content/oit/2566.yaml ;;
	esac
	i=$((i + 1))
done
