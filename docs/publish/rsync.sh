#!/bin/sh
# Publish a built site: copy prongsai's output folder to the web
# server's /var/www/ita.  Prongsai keeps the time stamp of every file
# whose bytes did not change, so rsync's quick check (size and time)
# sends only the files the build changed; --delete removes pages that
# are gone, --delay-updates puts the new files in place together at the
# end, and the marker that lets the next build replace the folder stays
# behind.  tests/nginx.sh runs this with DEST set to a local folder.
set -eu
OUTPUT=${OUTPUT:-output}
DEST=${DEST:-www-data@www.example.go.th:/var/www/ita}
rsync --recursive --links --times --delete --delay-updates --itemize-changes \
    "$OUTPUT/" "$DEST/"
