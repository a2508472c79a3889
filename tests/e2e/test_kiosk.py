#!/usr/bin/python3
# test_kiosk.py: a turn at the Designs kiosk, clicked through as people
# at an event would over AT-SPI: the first voter scores two designs, the
# second one design; the workspace then holds three kiosk votes from two
# anonymous turns, with the scores given.
#
# Copyright 2026 The Chorus authors
# SPDX-License-Identifier: GPL-3.0-or-later

import tempfile

from dogtail import rawinput

from chorus_e2e import SampleApp, fail, find_showing, find_visible_tab, is_selected, query, wait_for

ENTRIES = "SELECT c.title, count(*) FROM challenges c JOIN submissions s ON s.challenge_id = c.id" \
          " WHERE s.moderation = 'accepted' AND c.voting_open_at <= strftime('%s', 'now')" \
          " AND c.voting_close_at > strftime('%s', 'now') GROUP BY c.id"
KIOSK_VOTES = "SELECT count(*), count(DISTINCT kiosk_token), coalesce(sum(score), 0) FROM votes" \
              " WHERE kind = 'kiosk' AND cast_at > strftime('%s', 'now') - 3600"


def click(window, role, name):
    wait_for(lambda: find_showing(window, role, name), "the " + name + " " + role).click()


def main():
    with tempfile.TemporaryDirectory(prefix="chorus-e2e-") as tmp:
        app = SampleApp(tmp)
        try:
            window = app.main_window()
            before = query(app.workspace, KIOSK_VOTES)[0]
            title, entries = query(app.workspace, ENTRIES)[0]
            if entries < 3:
                fail("the sample's open challenge has %d accepted entries" % entries)

            tab = wait_for(lambda: find_visible_tab(window, "Designs"), "the Designs tab")
            tab.click()
            wait_for(lambda: is_selected(tab), "the Designs tab to be selected")
            # Kiosk Voting is in the challenge's menu of more actions.
            wait_for(lambda: find_showing(window, "toggle button", "More Challenge Actions")
                     or find_showing(window, "push button", "More Challenge Actions"),
                     "the challenge's menu").click()
            # A menu in a popover: GTK 4.8 places its items wrongly for a
            # pointer click, so the item's mnemonic opens it, as a key would.
            wait_for(lambda: find_showing(window, "menu item", "Kiosk Voting"), "the Kiosk Voting item")
            rawinput.pressKey("k")

            kiosk = wait_for(lambda: app.app.findChild(
                lambda n: n.roleName == "frame" and n.name == title, retry=False, requireResult=False),
                "the kiosk window")
            click(kiosk, "push button", "Start Voting")
            wait_for(lambda: find_showing(kiosk, "label", "Design 1 of %d" % entries), "the first design")
            click(kiosk, "push button", "Score 4 of 5")
            click(kiosk, "push button", "Next")
            wait_for(lambda: find_showing(kiosk, "label", "Design 2 of %d" % entries), "the second design")
            click(kiosk, "push button", "Score 5 of 5")
            for _ in range(entries - 2):
                click(kiosk, "push button", "Next")
            click(kiosk, "push button", "Finish")
            wait_for(lambda: find_showing(kiosk, "label", "You voted on 2 designs. Please hand over to the next person."),
                     "the thanks for two votes")

            click(kiosk, "push button", "Next Voter")
            wait_for(lambda: find_showing(kiosk, "label", "Design 1 of %d" % entries), "the next voter's first design")
            click(kiosk, "push button", "Score 1 of 5")

            expected = (before[0] + 3, before[1] + 2, before[2] + 10)
            wait_for(lambda: query(app.workspace, KIOSK_VOTES)[0] == expected,
                     "three kiosk votes from two turns in the workspace")
            names = query(app.workspace, "SELECT count(*) FROM votes WHERE kind = 'kiosk' AND voter_id IS NOT NULL")
            if names[0][0] != 0:
                fail("a kiosk vote is tied to a person")
            print("ok: kiosk votes recorded", expected)
        finally:
            app.stop()

    print("e2e: kiosk voting works")


if __name__ == "__main__":
    main()
