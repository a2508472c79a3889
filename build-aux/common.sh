# shellcheck shell=bash
# build-aux/common.sh: shared by build-aux/chorus-run and build-aux/chorus-test.
#
# Copyright 2026 The Chorus authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by bash, never run. Both scripts work when started by root, by a
# normal user (sudo is then used for apt-get only), or as "sudo build-aux/…"
# (packages are installed as root, the build and the app run as the user who
# typed sudo, so build/ and the sample workspace stay theirs).

CHORUS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck disable=SC2034 # used by the scripts that source this file
CHORUS_BUILD=$CHORUS_ROOT/build
# chorus-run installs into this prefix inside build/, so that the app finds
# its translations, icons and schema the way an installed app does.
# shellcheck disable=SC2034
CHORUS_PREFIX=$CHORUS_BUILD/install
# shellcheck disable=SC2034
CHORUS_BUILD_ASAN=$CHORUS_ROOT/build-asan
# shellcheck disable=SC2034
CHORUS_BUILD_FUZZ=$CHORUS_ROOT/build-fuzz

say ()
{
  printf '\033[1m==> %s\033[0m\n' "$*" >&2
}

die ()
{
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# The sample workspace that chorus-run opens. Its one definition.
chorus_sample_path ()
{
  printf '%s/chorus/Sample.chorus\n' "${XDG_DATA_HOME:-$HOME/.local/share}"
}

# Runs a command as root: directly when we are root, else through sudo.
as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "installing packages needs root: run this as root, or install sudo"
  fi
}

# The package names in build-aux/packages.txt, one per line.
chorus_packages ()
{
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$CHORUS_ROOT/build-aux/packages.txt"
}

# Installs whatever in packages.txt is missing (nothing to do, and no sudo
# prompt, when all of it is there already).
chorus_install_packages ()
{
  local -a packages missing
  local installed p

  if [ -n "${CHORUS_SKIP_INSTALL:-}" ]; then
    return 0
  fi

  mapfile -t packages < <(chorus_packages)
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null \
              | awk '$2 == "ii" { print $1 }')
  missing=()
  for p in "${packages[@]}"; do
    if ! grep -qx -- "$p" <<<"$installed"; then
      missing+=("$p")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "All ${#packages[@]} packages are installed"
    return 0
  fi

  say "Installing ${#missing[@]} packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update || return 1
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}" || return 1
}

# After installing as root for a user who typed "sudo build-aux/…", runs the
# same script again as that user, with their display and session bus.
chorus_continue_as_sudo_user ()
{
  local uid runtime
  local -a vars

  if [ "$(id -u)" -ne 0 ] || [ -z "${SUDO_USER:-}" ] || [ "$SUDO_USER" = root ]; then
    return 0
  fi
  # A tree that root owns is built by root.
  if [ "$(stat -c %U "$CHORUS_ROOT")" != "$SUDO_USER" ]; then
    return 0
  fi

  uid=$(id -u "$SUDO_USER")
  runtime=/run/user/$uid
  vars=(CHORUS_SKIP_INSTALL=1)
  [ -n "${DISPLAY:-}" ] && vars+=("DISPLAY=$DISPLAY")
  [ -n "${XAUTHORITY:-}" ] && vars+=("XAUTHORITY=$XAUTHORITY")
  if [ -d "$runtime" ]; then
    vars+=("XDG_RUNTIME_DIR=$runtime")
    # sudo drops WAYLAND_DISPLAY: find the session's socket again.
    if [ -n "${WAYLAND_DISPLAY:-}" ]; then
      vars+=("WAYLAND_DISPLAY=$WAYLAND_DISPLAY")
    elif [ -S "$runtime/wayland-0" ]; then
      vars+=("WAYLAND_DISPLAY=wayland-0")
    fi
  fi

  say "Continuing as $SUDO_USER"
  exec sudo -u "$SUDO_USER" -H env "${vars[@]}" "$0" "$@"
}

# Configures a build directory (setup when new, reconfigure when it exists)
# and builds it. Extra arguments are meson options.
chorus_build ()
{
  local dir=$1
  shift

  if [ -e "$dir" ] && [ ! -w "$dir" ]; then
    printf 'error: %s belongs to %s; remove it (sudo rm -rf %s) and run again\n' \
      "$dir" "$(stat -c %U "$dir")" "$dir" >&2
    return 1
  fi
  if [ -f "$dir/meson-private/coredata.dat" ]; then
    say "Reconfiguring $dir"
    meson setup --reconfigure "$@" "$dir" "$CHORUS_ROOT" || return 1
  else
    say "Configuring $dir"
    meson setup "$@" "$dir" "$CHORUS_ROOT" || return 1
  fi
  say "Building $dir"
  ninja -C "$dir" || return 1
}
