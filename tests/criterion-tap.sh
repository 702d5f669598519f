#!/bin/sh
# Run a Criterion test program with TAP output on stdout for automake's tap-driver.
# ("--tap=-" would mean stderr.) Criterion's own progress goes to stderr, kept in the .log file.
prog=$1
shift
exec "$prog" --tap=/dev/stdout "$@"
