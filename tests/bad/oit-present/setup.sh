#!/bin/sh
# A full mapping with a portal page, a file and a note: no word.
skip="O5 O10 O41"
. "$(dirname "$0")/../_oit-2566.sh"
mkdir -p content/pages content/files
printf -- "---\ntitle: ติดต่อ\n---\nโทร\n" >content/pages/contact.md
echo "%PDF-1.4" >content/files/privacy-policy.pdf
printf "O5: /contact\nO10: files/privacy-policy.pdf\nO41: {url: \"https://www.example.go.th/ethics\", note: ผลจะเผยแพร่เมื่อสิ้นปี}\n" >>content/oit/2566.yaml
