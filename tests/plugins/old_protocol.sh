#!/bin/sh
# A plugin written for another protocol: it refuses the handshake.
if [ "$1" = supports ]; then
  echo "old_protocol.sh reads protocol 0 only" >&2
  exit 1
fi
echo "old_protocol.sh: sent a document after refusing the handshake" >&2
exit 9
