#!/bin/sh
# A plugin that never answers: the builder must stop it at its time limit.
[ "$1" = supports ] && exit 0
sleep 1000
