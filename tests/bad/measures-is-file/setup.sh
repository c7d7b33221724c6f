#!/bin/sh
# content/measures a file, not a folder: nothing would be published.
rm -rf content/measures && echo hi >content/measures
