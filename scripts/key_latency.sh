#!/usr/bin/env bash
# Milliseconds from each key to the next change of the screen (styles included), for a
# reader running in a 120x40 tmux window. Needs tmux. Edits are saved under a scratch
# XDG directory, and annotations beside FILE: use a copy of the article.
#
#   scripts/key_latency.sh target/release/counterpoint /tmp/copy.txt 6 Tab j G a u o j
#
# BIN FILE WAIT KEY...: WAIT is the seconds to let the map arrive before the first key.
set -euo pipefail
bin=$1 file=$2 wait=$3
shift 3
scratch=$(mktemp -d)
session=key-latency-$$
tmux new-session -d -s "$session" -x 120 -y 40 \
    "XDG_DATA_HOME=$scratch XDG_STATE_HOME=$scratch XDG_CONFIG_HOME=$scratch $bin $file --no-remember"
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -rf "$scratch"' EXIT
sleep "$wait"
for key in "$@"; do
    before=$(tmux capture-pane -t "$session" -pe | md5sum)
    start=$(date +%s%N)
    tmux send-keys -t "$session" -- "$key"
    for _ in $(seq 1 2000); do
        [ "$(tmux capture-pane -t "$session" -pe | md5sum)" != "$before" ] && break
        sleep 0.005
    done
    printf '%s %d ms\n' "$key" $(( ($(date +%s%N) - start) / 1000000 ))
done
