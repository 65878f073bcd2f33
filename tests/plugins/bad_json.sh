#!/bin/sh
# A plugin that chats on standard output before its answer: not JSON.
[ "$1" = supports ] && exit 0
cat > /dev/null
echo "Counting words..."
echo '{"diagnostics": []}'
