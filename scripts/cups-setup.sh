#!/usr/bin/env bash
# A CUPS virtual PDF printer for the print tests (DESIGN.md §6-§7): installs cups and
# printer-driver-cups-pdf if missing (root with apt only), starts cupsd if it is not running,
# adds the queue, and prints the queue name and cups-pdf's output folder.
# Idempotent: run it as often as you like (the test set-up and .ci/run both do).
#
# Exit codes: 0 ready; 3 cannot be set up on this machine (not Linux, not root, no apt) —
# the reason is on stderr and callers skip printing tests with it; anything else is a failure.
set -euo pipefail

PRINTER="${1:-StationPDF}"
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
BACKEND=/usr/lib/cups/backend/cups-pdf

unavailable() {
  echo "cups-setup: $*" >&2
  exit 3
}

[ "$(uname -s)" = Linux ] || unavailable "not Linux ($(uname -s)): the CUPS virtual PDF printer is set up on Debian only"

# Test files run in parallel and each calls this: one at a time, or two cupsd would race for port 631.
if command -v flock >/dev/null; then
  exec 9>"${TMPDIR:-/tmp}/stationdesk-cups-setup.lock"
  flock -w 120 9
fi

if ! command -v cupsd >/dev/null || ! command -v lpadmin >/dev/null || [ ! -x "$BACKEND" ] || [ ! -f "$PPD" ]; then
  [ "$(id -u)" = 0 ] || unavailable "cups / printer-driver-cups-pdf are not installed and we are not root; run as root: apt-get install -y cups printer-driver-cups-pdf"
  command -v apt-get >/dev/null || unavailable "cups is not installed and there is no apt-get here"
  echo "cups-setup: installing cups printer-driver-cups-pdf" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends cups printer-driver-cups-pdf >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends cups printer-driver-cups-pdf >/dev/null; }
fi

if ! lpstat -r 2>/dev/null | grep -q 'scheduler is running'; then
  [ "$(id -u)" = 0 ] || unavailable "cupsd is not running and we are not root, so it cannot be started here"
  # Without systemd (containers, CI) cupsd daemonises itself; with systemd, let systemd own it.
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
    systemctl start cups
  else
    /usr/sbin/cupsd
  fi
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q 'scheduler is running' && break
    sleep 0.2
  done
  lpstat -r 2>/dev/null | grep -q 'scheduler is running' || { echo "cups-setup: cupsd did not come up" >&2; exit 1; }
fi

if ! lpstat -p "$PRINTER" >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || unavailable "printer $PRINTER does not exist and we are not root, so it cannot be added"
  lpadmin -p "$PRINTER" -E -v cups-pdf:/ -P "$PPD"
fi
# A queue left stopped by an earlier failed job would hold every later one.
if [ "$(id -u)" = 0 ]; then
  cupsenable "$PRINTER"
  cupsaccept "$PRINTER"
fi

# Where cups-pdf writes: the "Out" line of its config, ${HOME} being the submitting user's home.
out='${HOME}/PDF'
if [ -f /etc/cups/cups-pdf.conf ]; then
  line=$(grep -E '^[[:space:]]*Out[[:space:]]' /etc/cups/cups-pdf.conf | tail -n 1 || true)
  [ -n "$line" ] && out=$(echo "$line" | awk '{print $2}')
fi
echo "printer=$PRINTER"
echo "out=${out//\$\{HOME\}/$HOME}"
