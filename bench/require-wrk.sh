#!/usr/bin/env bash
# Sourced by the harnesses whose load comes from wrk: installs it from Debian when this machine lacks it.
if ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi
fi
