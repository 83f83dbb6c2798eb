#!/bin/sh
# help2man's view of natter-cli: its --help followed by the options of each command, so that the
# man page documents them all from the program's own text.
#   natter-cli-help.sh NATTER_CLI (--help|--version)
set -eu
cli=$1
case $2 in
--version) exec "$cli" --version ;;
--help)
    "$cli" --help
    for command in listen trigger; do
        printf '\nOptions of natter-cli %s:\n' "$command"
        "$cli" "$command" --help | sed '1,/^Options:/d'
    done
    ;;
*) exit 2 ;;
esac
