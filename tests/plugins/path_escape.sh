#!/bin/sh
# A plugin that asks for files outside the output folder.
[ "$1" = supports ] && exit 0
cat > /dev/null
printf '%s\n' '{"files": [{"path": "fine.txt", "content": "x"},
  {"path": "../escaped.txt", "content": "x"}, {"path": "/tmp/reportsite-escaped.txt", "content": "x"}]}'
