#!/usr/bin/python3
# test_panes.py: launches the real chorus binary on a sample workspace and
# switches through the three panes as a person would, over AT-SPI.
#
# Copyright 2026 The Chorus authors
# SPDX-License-Identifier: GPL-3.0-or-later

import tempfile

from chorus_e2e import SampleApp, fail, find_one, find_visible_tab, is_selected, wait_for


def find_label_containing(node, text):
    return find_one(node, lambda n: n.roleName == "label" and text in (n.name or ""))


def main():
    with tempfile.TemporaryDirectory(prefix="chorus-e2e-") as tmp:
        app = SampleApp(tmp)
        try:
            window = app.main_window()
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
            app.stop()

    print("e2e: all panes shown")


if __name__ == "__main__":
    main()
