# chorus_e2e.py: what the dogtail tests share: waiting for the accessible
# tree, finding what a person sees, and running the real app on a sample
# workspace.
#
# Copyright 2026 The Chorus authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import time

from dogtail.config import config

config.checkForA11y = False
config.searchCutoffCount = 20
config.defaultDelay = 0.2

from dogtail import tree  # noqa: E402  (after config, as dogtail requires)
import pyatspi  # noqa: E402


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


# Sanitized builds run several times slower (see tests/meson.build).
TIMEOUT_SCALE = max(1.0, float(os.environ.get("CHORUS_TEST_TIMEOUT_SCALE", "1")))


def wait_for(predicate, what, timeout=20):
    deadline = time.time() + timeout * TIMEOUT_SCALE
    while time.time() < deadline:
        try:
            result = predicate()
            if result:
                return result
        except Exception:  # the tree changes under us while the app works
            pass
        time.sleep(0.25)
    fail("timed out waiting for " + what)


def is_selected(node):
    return node.getState().contains(pyatspi.STATE_SELECTED)


def is_showing(node):
    return node.size[0] > 0 and node.size[1] > 0


def find_visible_tab(node, name):
    # The header holds a wide and a narrow view switcher; only one has a size.
    for tab in node.findChildren(lambda n: n.roleName == "page tab" and n.name == name):
        if is_showing(tab):
            return tab
    return None


def find_one(node, predicate):
    return node.findChild(predicate, retry=False, requireResult=False)


def names(node, name):
    # GTK 4.8 names a button with a mnemonic "_Label Label".
    return node.name == name or (node.name or "").endswith(" " + name)


def find_showing(node, role, name):
    for found in node.findChildren(lambda n: n.roleName == role and names(n, name)):
        if is_showing(found):
            return found
    return None


def query(workspace, sql, params=()):
    connection = sqlite3.connect("file:%s?mode=ro" % workspace, uri=True, timeout=10)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


class SampleApp:
    """The real chorus binary on a fresh sample workspace in @tmp."""

    def __init__(self, tmp, posts=400):
        self.workspace = os.path.join(tmp, "Tallpine.chorus")
        subprocess.run([os.environ["CHORUSCTL_BIN"], "sample", "--output", self.workspace, "--posts", str(posts)],
                       check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ)
        env.pop("GTK_A11Y", None)
        env["XDG_DATA_HOME"] = tmp
        self.process = subprocess.Popen([os.environ["CHORUS_BIN"], self.workspace], env=env)

    def main_window(self):
        self.app = wait_for(lambda: tree.root.application("chorus"), "the chorus application")
        window = wait_for(lambda: find_one(self.app, lambda n: n.roleName == "frame" and "Chorus" in (n.name or "")),
                          "the main window")
        wait_for(lambda: "Tallpine" in window.name, "the workspace name in the title")
        return window

    def stop(self):
        quit_app(self.process)


APP_ID = "io.github.chorusapp.Chorus"


def quit_app(process):
    """Quits the app as Quit (Ctrl+Q) does, through its "quit" action on the
    session bus, and fails unless it then exits with status 0. So the app
    must shut down cleanly, and in a sanitized build LeakSanitizer's check at
    exit counts (it exits non-zero on a leak)."""
    from gi.repository import Gio, GLib

    # An app that is gone already crashed (or a sanitizer stopped it).
    if process.poll() is not None:
        fail("the app exited on its own with status %d" % process.returncode)
    try:
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        bus.call_sync(APP_ID, "/" + APP_ID.replace(".", "/"), "org.gtk.Actions", "Activate",
                      GLib.Variant("(sava{sv})", ("quit", [], {})), None, Gio.DBusCallFlags.NONE,
                      int(10000 * TIMEOUT_SCALE), None)
        status = process.wait(timeout=30 * TIMEOUT_SCALE)
    except (GLib.Error, subprocess.TimeoutExpired) as error:
        process.kill()
        process.wait()
        fail("the app did not quit when asked to: %s" % error)
    if status != 0:
        fail("the app quit with status %d" % status)
    print("ok: the app quit cleanly")
