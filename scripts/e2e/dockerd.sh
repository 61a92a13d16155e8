#!/usr/bin/env bash
# dockerd.sh — start or stop a private dockerd for the image fixtures and tests.
#
# Usage: dockerd.sh start STATE_DIR   (prints DOCKER_HOST=unix://STATE_DIR/docker.sock)
#        dockerd.sh stop  STATE_DIR
#
# The daemon listens only on a unix socket, keeps all its state in STATE_DIR and runs with
# --bridge=none --iptables=false: no docker0 bridge, no iptables rules. Builds use --network host.
set -euo pipefail
cmd=${1:?usage: $0 start|stop STATE_DIR}
state=${2:?usage: $0 start|stop STATE_DIR}
mkdir -p "$state"
state=$(cd "$state" && pwd)
pidfile="$state/dockerd.pid"
sock="$state/docker.sock"
case "$cmd" in
start)
  if [[ -s "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "DOCKER_HOST=unix://$sock"; exit 0
  fi
  mkdir -p "$state/data" "$state/exec"
  nohup /usr/sbin/dockerd -H "unix://$sock" --data-root "$state/data" --exec-root "$state/exec" \
    --pidfile "$pidfile" --bridge=none --iptables=false >"$state/dockerd.log" 2>&1 &
  for _ in $(seq 1 150); do
    if [[ -S "$sock" ]] && DOCKER_HOST="unix://$sock" /usr/bin/docker version >/dev/null 2>&1; then
      echo "DOCKER_HOST=unix://$sock"; exit 0
    fi
    sleep 0.2
  done
  echo "dockerd did not come up; see $state/dockerd.log" >&2; exit 1
  ;;
stop)
  [[ -s "$pidfile" ]] || exit 0
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  rm -f "$pidfile"
  ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
