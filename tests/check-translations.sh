#!/bin/sh
# check-translations.sh: every file with translatable strings is listed in
# po/POTFILES.in, every listed file exists, and every catalog passes msgfmt -c.
#
# Copyright 2026 The Chorus authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
cd "${1:?usage: check-translations.sh SOURCE_DIR}" || exit 1

status=0
potfiles=po/POTFILES.in
listed=$(grep -v '^#' "$potfiles" | grep -v '^$')

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

found=$( { grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)[[:space:]]*\(' src --include='*.c';
           grep -rl 'translatable="yes"' ui data; } | sort -u)

for f in $found; do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "$f has translatable strings but is missing from POTFILES.in"
    status=1
  fi
done

for po in po/*.po; do
  [ -f "$po" ] || continue
  if ! out=$(msgfmt -c --check-accelerators=_ -o /dev/null "$po" 2>&1); then
    echo "msgfmt -c fails on $po:"
    echo "$out"
    status=1
  fi
done

exit $status
