#!/bin/sh
# A plugin that fails: it passes the handshake, then exits 3 with a message.
[ "$1" = supports ] && exit 0
cat > /dev/null
echo "crash.sh: cannot read the minutes" >&2
exit 3
