#!/usr/bin/python3
# test_inbox_reply.py: syncs a workspace from the fake Mastodon server,
# then, in the real chorus binary over AT-SPI, searches the Conversations
# pane, assigns the conversation found and answers it from the reply
# composer; the fake server must receive exactly one reply, to the right
# status, and the workspace must hold the assignee and the sent reply.
#
# Copyright 2026 The Chorus authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

from dogtail.config import config

config.checkForA11y = False
config.searchCutoffCount = 20
config.defaultDelay = 0.2

from dogtail import rawinput, tree  # noqa: E402  (after config, as dogtail requires)
import pyatspi  # noqa: E402

from chorus_e2e import quit_app  # noqa: E402

TOKEN_ENV = "CHORUS_E2E_MASTODON_TOKEN"
TOKEN = "e2e-fake-token-not-a-secret"

# The fake server holds 12 statuses; every 3rd mentions the account, so
# statuses 0, 3, 6 and 9 come as mentions, each a conversation of its own,
# whose text ends "Fake status N: …" (see fake-mastodon-statuses.c).
STATUSES = 12
MENTION_EVERY = 3
ANSWERED = 6
SEARCH = '"fake status %d"' % ANSWERED

ASSIGNEE = "Robin Tester"
REPLY = "Thanks for the report, we are on it"


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
        except Exception:  # the tree changes under us while the app works
            pass
        time.sleep(0.25)
    fail("timed out waiting for " + what)


def fake_status_id(index):
    """The id fake-mastodon-statuses.c gives status @index: a snowflake."""
    base_ms = 1767225600000  # 2026-01-01T00:00:00Z
    step_ms = 7919
    return str(((base_ms + index * step_ms) << 16) | (index & 0xffff))


def is_selected(node):
    return node.getState().contains(pyatspi.STATE_SELECTED)


def is_showing(node):
    return node.size[0] > 0 and node.size[1] > 0


def find_visible_tab(node, name):
    # The header holds a wide and a narrow view switcher; only one has a size.
    tabs = node.findChildren(lambda n: n.roleName == "page tab" and n.name == name)
    for tab in tabs:
        if is_showing(tab):
            return tab
    return None


def find_all(node, predicate):
    return node.findChildren(predicate)


def find_one(node, predicate):
    return node.findChild(predicate, retry=False, requireResult=False)


def run(args, **kwargs):
    result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    if result.returncode != 0:
        fail("%s exited with %d: %s" % (" ".join(args[:4]), result.returncode, result.stderr.strip()))
    return result.stdout


def read_record(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def status_posts(path):
    record = read_record(path) or []
    return [w for w in record if w["path"] == "/api/v1/statuses"]


def query(workspace, sql, params=()):
    db = sqlite3.connect("file:%s?mode=ro" % workspace, uri=True, timeout=10)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def start_server(tmp):
    record = os.path.join(tmp, "writes.json")
    server = subprocess.Popen([os.environ["FAKE_MASTODON_SERVER_BIN"],
                               "--token", TOKEN, "--record", record,
                               "--statuses", str(STATUSES), "--mention-every", str(MENTION_EVERY)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        server.kill()
        fail("the fake Mastodon server did not print its address (got %r)" % url)
    return server, url, record


def make_workspace(chorusctl, workspace, url, env):
    run([chorusctl, "--workspace", workspace, "account", "add", "mastodon",
         "--server", url, "--token-env", TOKEN_ENV], env=env)
    run([chorusctl, "--workspace", workspace, "sync"], env=env)

    # chorusctl has no team command: the team is written as the app would.
    db = sqlite3.connect(workspace)
    try:
        with db:
            db.execute("INSERT INTO team_members (name, role, is_me, created_at)"
                       " VALUES ('Ana Lead', 'owner', 1, strftime ('%s', 'now'))")
            member_id = db.execute("INSERT INTO team_members (name, role, is_me, created_at)"
                                   " VALUES (?, 'member', 0, strftime ('%s', 'now'))",
                                   (ASSIGNEE,)).lastrowid
    finally:
        db.close()

    rows = query(workspace,
                 "SELECT p.conversation_id, p.remote_id FROM posts p"
                 " WHERE p.text LIKE ?", ("%Fake status " + str(ANSWERED) + ":%",))
    if len(rows) != 1:
        fail("the sync should have brought one post with 'Fake status %d', not %d" % (ANSWERED, len(rows)))
    conversation_id, remote_id = rows[0]
    if remote_id != fake_status_id(ANSWERED):
        fail("the post's remote id is %s, the fake server's %s" % (remote_id, fake_status_id(ANSWERED)))
    n = query(workspace, "SELECT count(*) FROM conversations")[0][0]
    if n != (STATUSES + MENTION_EVERY - 1) // MENTION_EVERY:
        fail("the sync should have made one conversation per mention, not %d" % n)

    return member_id, conversation_id


def search(window):
    tab = wait_for(lambda: find_visible_tab(window, "Conversations"), "the Conversations tab")
    tab.click()
    wait_for(lambda: is_selected(tab), "the Conversations tab to be selected")

    entry = wait_for(lambda: find_one(window, lambda n: n.name == "Search conversations" and
                                      n.roleName in ("text", "entry", "search") and is_showing(n)),
                     "the search entry")
    entry.click()
    wait_for(lambda: entry.getState().contains(pyatspi.STATE_FOCUSED) or
             find_one(entry, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED)),
             "the search entry to take the focus")
    rawinput.typeText(SEARCH)

    # The person panel has a list of conversations too, hidden.
    conversations = wait_for(lambda: find_one(window, lambda n: n.roleName == "list" and
                                              n.name == "Conversations" and is_showing(n)),
                             "the list of conversations")

    def only_the_match():
        labels = find_all(conversations, lambda n: n.roleName == "label" and "Fake status" in (n.name or ""))
        texts = {label.name for label in labels}
        return len(texts) == 1 and ("Fake status %d:" % ANSWERED) in texts.pop()

    wait_for(only_the_match, "the list to show only the conversation with 'Fake status %d'" % ANSWERED)
    print("ok: the search shows the conversation")

    # Enter in the search box selects the first conversation.
    rawinput.pressKey("Return")


def assign(window):
    assignee = wait_for(lambda: find_one(window, lambda n: n.name == "Assignee" and is_showing(n)),
                        "the Assignee control of the triage bar")
    wait_for(lambda: assignee.sensitive, "the Assignee control to be enabled")
    # "a" opens the assignee list, as the shortcuts window says.
    rawinput.pressKey("a")

    def assignee_list():
        return find_one(assignee, lambda n: n.roleName == "list" and is_showing(n) and
                        find_one(n, lambda c: c.roleName == "label" and c.name == ASSIGNEE))

    members = wait_for(assignee_list, "'%s' in the assignee list" % ASSIGNEE)

    def focused_name():
        for item in members.findChildren(lambda n: n.roleName == "list item"):
            if item.getState().contains(pyatspi.STATE_FOCUSED):
                label = find_one(item, lambda n: n.roleName == "label")
                return label.name if label else ""
        return None

    # Pointer clicks land beside the popover's rows under Xvfb (GTK 4.8
    # reports no screen coordinates): choose with the keyboard, as the
    # shortcut invites.
    wait_for(lambda: focused_name() is not None, "the focus in the assignee list")
    for _ in range(10):
        if focused_name() == ASSIGNEE:
            break
        before = focused_name()
        rawinput.pressKey("Down")
        wait_for(lambda: focused_name() != before, "the focus to move down the assignee list")
    else:
        fail("'%s' never took the focus in the assignee list" % ASSIGNEE)
    rawinput.pressKey("Return")
    # The dropdown's button (not its list) shows the choice.
    wait_for(lambda: find_one(find_one(assignee, lambda n: n.roleName == "push button"),
                              lambda n: n.roleName == "label" and n.name == ASSIGNEE),
             "the Assignee control to show '%s'" % ASSIGNEE)
    print("ok: assigned to " + ASSIGNEE)


def reply(window):
    text = wait_for(lambda: find_one(window, lambda n: n.name == "Reply" and n.roleName == "text" and
                                     n.sensitive and is_showing(n)),
                    "the reply composer's text box")
    # The composer starts the reply with the author's handle.
    prefill = wait_for(lambda: text.text, "the mention the composer starts the reply with")
    if not prefill.startswith("@") or not prefill.endswith(" "):
        fail("the reply should start with the author's handle and a space, not %r" % prefill)
    text.click()
    wait_for(lambda: text.getState().contains(pyatspi.STATE_FOCUSED), "the reply box to take the focus")
    rawinput.keyCombo("<Control>End")
    rawinput.typeText(REPLY)
    wait_for(lambda: text.text == prefill + REPLY, "the typed reply in the reply box (it holds %r)" % text.text)

    # GTK 4.8 names a button with a mnemonic "_Send Send": look for its label.
    send = wait_for(lambda: find_one(window, lambda n: n.roleName == "push button" and n.sensitive and
                                     is_showing(n) and find_one(n, lambda c: c.roleName == "label" and
                                                                c.name == "Send")),
                    "the Send button to be enabled")
    send.click()
    print("ok: sent %r" % (prefill + REPLY))
    return prefill + REPLY


def main():
    chorus = os.environ["CHORUS_BIN"]
    chorusctl = os.environ["CHORUSCTL_BIN"]

    with tempfile.TemporaryDirectory(prefix="chorus-e2e-") as tmp:
        workspace = os.path.join(tmp, "Replies.chorus")
        env = dict(os.environ)
        env[TOKEN_ENV] = TOKEN
        env.pop("GTK_A11Y", None)
        env["XDG_DATA_HOME"] = tmp

        server, url, record = start_server(tmp)
        app_process = None
        try:
            member_id, conversation_id = make_workspace(chorusctl, workspace, url, env)
            print("ok: synced from the fake server")

            app_process = subprocess.Popen([chorus, workspace], env=env)
            app = wait_for(lambda: tree.root.application("chorus"), "the chorus application")
            window = wait_for(lambda: find_one(app, lambda n: n.roleName == "frame" and
                                               "Chorus" in (n.name or "")), "the main window")
            wait_for(lambda: "Replies" in window.name, "the workspace name in the title")

            search(window)
            assign(window)
            wait_for(lambda: query(workspace, "SELECT assignee_id FROM conversations WHERE id = ?",
                                   (conversation_id,))[0][0] == member_id,
                     "the conversation to be assigned to %s in the workspace" % ASSIGNEE)
            print("ok: the workspace has the assignee")

            sent_text = reply(window)
            posts = wait_for(lambda: status_posts(record), "the fake server to receive the reply")

            # No second send, even a little later.
            time.sleep(3)
            posts = status_posts(record)
            if len(posts) != 1:
                fail("the fake server received %d POST /api/v1/statuses, not one" % len(posts))
            post = posts[0]
            body = json.loads(post["body"])
            if post["status"] != 200:
                fail("the fake server answered the reply with %d" % post["status"])
            if body.get("in_reply_to_id") != fake_status_id(ANSWERED):
                fail("the reply answers %r, not status %s" % (body.get("in_reply_to_id"),
                                                             fake_status_id(ANSWERED)))
            if body.get("status") != sent_text:
                fail("the reply says %r, not %r" % (body.get("status"), sent_text))
            if not post["idempotency_key"]:
                fail("the reply came without an Idempotency-Key")
            print("ok: the fake server received one reply to status %s" % fake_status_id(ANSWERED))

            outbox = wait_for(lambda: query(workspace, "SELECT kind, state, idempotency_key FROM outbox"),
                              "the reply in the workspace's outbox")
            if len(outbox) != 1 or outbox[0][0] != "reply":
                fail("the outbox should hold one reply, not %r" % (outbox,))
            wait_for(lambda: query(workspace, "SELECT state FROM outbox")[0][0] == "sent",
                     "the outbox item to be 'sent'")
            if outbox[0][2] != post["idempotency_key"]:
                fail("the reply was sent with another Idempotency-Key than the outbox item's")
            print("ok: the outbox item is sent")
        finally:
            if app_process is not None:
                quit_app(app_process)
            server.stdin.close()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

    print("e2e: searched, assigned and replied")


if __name__ == "__main__":
    main()
