#!/usr/bin/python3
# test_panes.py: launches the real chorus binary on a sample workspace and
# switches through the three panes as a person would, over AT-SPI.
#
# Copyright 2026 The Chorus authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile
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


def wait_for(predicate, what, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            result = predicate()
            if result:
                return result
        except Exception:  # the tree changes under us while the app starts
            pass
        time.sleep(0.25)
    fail("timed out waiting for " + what)


def is_selected(node):
    return node.getState().contains(pyatspi.STATE_SELECTED)


def find_visible_tab(node, name):
    # The header holds a wide and a narrow view switcher; only one has a size.
    tabs = node.findChildren(lambda n: n.roleName == "page tab" and n.name == name)
    for tab in tabs:
        if tab.size[0] > 0 and tab.size[1] > 0:
            return tab
    return None


def find_label_containing(node, text):
    return node.findChild(lambda n: n.roleName == "label" and text in (n.name or ""),
                          retry=False, requireResult=False)


def main():
    chorus = os.environ["CHORUS_BIN"]
    chorusctl = os.environ["CHORUSCTL_BIN"]

    with tempfile.TemporaryDirectory(prefix="chorus-e2e-") as tmp:
        workspace = os.path.join(tmp, "Tallpine.chorus")
        subprocess.run([chorusctl, "sample", "--output", workspace, "--posts", "400"],
                       check=True, stdout=subprocess.DEVNULL)

        env = dict(os.environ)
        env.pop("GTK_A11Y", None)
        env["XDG_DATA_HOME"] = tmp
        app_process = subprocess.Popen([chorus, workspace], env=env)

        try:
            app = wait_for(lambda: tree.root.application("chorus"), "the chorus application")
            window = wait_for(lambda: app.findChild(
                lambda n: n.roleName == "frame" and "Chorus" in (n.name or ""),
                retry=False, requireResult=False), "the main window")
            wait_for(lambda: "Tallpine" in window.name, "the workspace name in the title")

            panes = [("Conversations", "Inbox"),
                     ("Pre-tests", "Campaigns"),
                     ("Designs", "Summit Tee 2026")]

            for pane, expected in panes:
                tab = wait_for(lambda: find_visible_tab(window, pane),
                               "the " + pane + " tab of the view switcher")
                tab.click()
                wait_for(lambda: is_selected(tab), "the " + pane + " tab to be selected")
                others = [name for name, _ in panes if name != pane]
                if any(is_selected(find_visible_tab(window, name)) for name in others):
                    fail("another tab stayed selected after clicking " + pane)
                wait_for(lambda: find_label_containing(window, expected),
                         "'" + expected + "' in the " + pane + " pane")
                print("ok: " + pane + " shows '" + expected + "'")
        finally:
            app_process.terminate()
            try:
                app_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_process.kill()

    print("e2e: all panes shown")


if __name__ == "__main__":
    main()
