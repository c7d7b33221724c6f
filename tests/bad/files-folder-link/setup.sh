#!/bin/sh
# content/files itself a link to a folder outside the site: never published.
mkdir -p ../outside-files && echo secret >../outside-files/shadow
ln -s "$(cd .. && pwd)/outside-files" content/files
