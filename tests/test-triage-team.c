/* test-triage-team.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a team sets up for triage, on a real workspace: statuses (names,
 * order, and the rules for deleting one), team members (who is "me", and
 * what removing one leaves) and tags (renaming, colors, deleting). */

#include "chorus-store-triage-private.h"
#include "chorus-test-triage.h"

static GPtrArray *
list_statuses (Fixture *f)
{
  chorus_store_list_statuses_async (f->store, NULL, on_done_cb, f);
  return finish_list (f, chorus_store_list_statuses_finish);
}

/* The statuses in order, as "New Open Waiting Done*" (* when closed). */
static char *
statuses_text (Fixture *f)
{
  g_autoptr(GPtrArray) statuses = list_statuses (f);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < statuses->len; i++)
    {
      ChorusStatus *status = g_ptr_array_index (statuses, i);

      g_assert_cmpuint (chorus_status_get_position (status), ==, i);
      g_string_append_printf (text, "%s%s%s", i ? " " : "", chorus_status_get_name (status),
                              chorus_status_get_closed (status) ? "*" : "");
    }

  return g_string_free (text, FALSE);
}

#define assert_statuses(f, expected) \
  G_STMT_START { \
    g_autofree char *text_ = statuses_text (f); \
    g_assert_cmpstr (text_, ==, expected); \
  } G_STMT_END

static void
test_statuses (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 0, -1);
  g_autoptr(ChorusConversation) conversation = NULL;
  gint64 escalated, spam;

  assert_statuses (f, "New Open Waiting Done*");

  chorus_store_add_status_async (f->store, " Escalated ", FALSE, NULL, on_done_cb, f);
  escalated = edit_ok (f);
  chorus_store_add_status_async (f->store, "escalated", FALSE, NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_EXISTS, "There is already a status “escalated”.");
  chorus_store_add_status_async (f->store, "DONE", TRUE, NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_EXISTS, NULL);
  assert_statuses (f, "New Open Waiting Done* Escalated");

  chorus_store_rename_status_async (f->store, OPEN, "In progress", NULL, on_done_cb, f);
  edit_ok (f);
  g_assert_cmpuint (f->announced->len, ==, 1);
  g_assert_cmpuint (((GArray *) g_ptr_array_index (f->announced, 0))->len, ==, 0);
  chorus_store_move_status_async (f->store, escalated, 1, NULL, on_done_cb, f);
  edit_ok (f);
  assert_statuses (f, "New Escalated In progress Waiting Done*");
  chorus_store_rename_status_async (f->store, OPEN, NULL, NULL, on_done_cb, f);
  edit_ok (f);
  chorus_store_rename_status_async (f->store, escalated, "", NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT, "A name cannot be empty.");
  assert_statuses (f, "New Escalated Open Waiting Done*");

  chorus_store_delete_status_async (f->store, NEW, OPEN, NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT,
                  "New conversations get the status “New”, so it cannot be deleted.");
  chorus_store_delete_status_async (f->store, DONE, OPEN, NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT,
                  "“Done” is the last status that closes a conversation. Add another one before deleting it.");

  chorus_store_add_status_async (f->store, "Spam", TRUE, NULL, on_done_cb, f);
  spam = edit_ok (f);
  chorus_store_delete_status_async (f->store, DONE, 0, NULL, on_done_cb, f);
  g_assert_cmpint (edit_ok (f), ==, DONE);
  assert_statuses (f, "New Escalated Open Waiting Spam*");
  chorus_store_delete_status_async (f->store, spam, 0, NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT, NULL);

  /* A status in use goes only with somewhere for its conversations. */
  chorus_store_set_status_async (f->store, one, escalated, NULL, on_done_cb, f);
  triage_ok (f);
  conversation = chorus_store_load_conversation (f->store, f->c[0], NULL);
  g_assert_cmpint (chorus_conversation_get_status_id (conversation), ==, escalated);
  g_assert_cmpstr (chorus_conversation_get_status (conversation), ==, "Escalated");
  chorus_store_delete_status_async (f->store, escalated, 0, NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT,
                  "1 conversation has the status “Escalated”. Choose a status to move it to.");
  chorus_store_delete_status_async (f->store, escalated, WAITING, NULL, on_done_cb, f);
  edit_ok (f);
  assert_announced (f, 0);
  g_assert_cmpint (column_of (f, "status_id", 0), ==, WAITING);
  assert_statuses (f, "New Open Waiting Spam*");
}

static void
on_team_changed_cb (ChorusStore *store,
                    guint       *count)
{
  (*count)++;
}

/* Closed or open: the rules that keep triage working, the refusals the
 * Statuses page shows before asking, the signal and the audit log. */
static void
test_status_kind (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *described = NULL;
  gint64 spam, audit_id;
  guint team_changed = 0;

  g_signal_connect (f->store, "team-changed", G_CALLBACK (on_team_changed_cb), &team_changed);

  chorus_store_set_status_closed_async (f->store, NEW, TRUE, NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT,
                  "New conversations get the status “New”, so it must keep them open.");
  chorus_store_set_status_closed_async (f->store, DONE, FALSE, NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT,
                  "“Done” is the last status that closes a conversation. Add another one before changing it.");
  g_assert_cmpuint (team_changed, ==, 0);

  statuses = list_statuses (f);
  refusal = chorus_status_dup_delete_refusal (g_ptr_array_index (statuses, 3), statuses);
  g_assert_cmpstr (refusal, ==,
                   "“Done” is the last status that closes a conversation. Add another one before deleting it.");
  g_clear_pointer (&refusal, g_free);
  refusal = chorus_status_dup_delete_refusal (g_ptr_array_index (statuses, 0), statuses);
  g_assert_cmpstr (refusal, ==, "New conversations get the status “New”, so it cannot be deleted.");
  g_clear_pointer (&refusal, g_free);
  g_assert_null (chorus_status_dup_delete_refusal (g_ptr_array_index (statuses, 2), statuses));

  /* Waiting closes conversations now: the rows are told, and so is
   * whoever lists the statuses. */
  chorus_store_set_status_closed_async (f->store, WAITING, TRUE, NULL, on_done_cb, f);
  g_assert_cmpint (edit_ok (f), ==, WAITING);
  g_assert_cmpuint (team_changed, ==, 1);
  g_assert_cmpuint (((GArray *) g_ptr_array_index (f->announced, f->announced->len - 1))->len, ==, 0);
  assert_statuses (f, "New Open Waiting* Done*");
  audit_id = query_int (f, "SELECT max (id) FROM audit_log");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE id = %" G_GINT64_FORMAT
                                 " AND action = 'status.kind' AND subject_id = %d", audit_id, WAITING), ==, 1);
  described = chorus_test_describe ("status.kind", "{\"name\": \"Waiting\", \"closed\": true}", "Ana Lima");
  g_assert_cmpstr (described, ==, "Ana Lima made the status “Waiting” close conversations");

  /* Open is the last open one besides New, which must stay open too. */
  chorus_store_set_status_closed_async (f->store, OPEN, TRUE, NULL, on_done_cb, f);
  edit_ok (f);
  chorus_store_delete_status_async (f->store, OPEN, NEW, NULL, on_done_cb, f);
  edit_ok (f);
  assert_statuses (f, "New Waiting* Done*");
  chorus_store_add_status_async (f->store, "Spam", FALSE, NULL, on_done_cb, f);
  spam = edit_ok (f);
  chorus_store_set_status_closed_async (f->store, WAITING, FALSE, NULL, on_done_cb, f);
  edit_ok (f);
  chorus_store_set_status_closed_async (f->store, spam, FALSE, NULL, on_done_cb, f);
  g_assert_cmpint (edit_ok (f), ==, spam);
  assert_statuses (f, "New Waiting Done* Spam");
  g_assert_cmpuint (team_changed, ==, 6);
}

static GPtrArray *
list_members (Fixture *f)
{
  chorus_store_list_team_members_async (f->store, NULL, on_done_cb, f);
  return finish_list (f, chorus_store_list_team_members_finish);
}

static void
test_team (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 2, -1);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *history = NULL;
  ChorusTeamMember *member;

  members = list_members (f);
  g_assert_cmpuint (members->len, ==, 2);
  member = g_ptr_array_index (members, 0);
  g_assert_cmpstr (chorus_team_member_get_name (member), ==, "Ana Lima");
  g_assert_cmpstr (chorus_team_member_get_role (member), ==, "owner");
  g_assert_true (chorus_team_member_get_is_me (member));
  g_assert_false (chorus_team_member_get_is_me (g_ptr_array_index (members, 1)));

  chorus_store_add_team_member_async (f->store, "\t", NULL, "viewer", NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT, "A name cannot be empty.");
  chorus_store_rename_team_member_async (f->store, f->bo, "Bo Chen-Li", NULL, on_done_cb, f);
  edit_ok (f);

  /* Bo takes the keyboard: what follows is in Bo's name. */
  chorus_store_set_me_async (f->store, f->bo, NULL, on_done_cb, f);
  edit_ok (f);
  g_assert_cmpint (query_int (f, "SELECT sum (is_me) FROM team_members"), ==, 1);
  chorus_store_set_assignee_async (f->store, one, f->bo, NULL, on_done_cb, f);
  triage_ok (f);
  chorus_store_add_note_async (f->store, one, "Mine", NULL, on_done_cb, f);
  triage_ok (f);

  chorus_store_remove_team_member_async (f->store, f->bo, NULL, on_done_cb, f);
  g_assert_cmpint (edit_ok (f), ==, f->bo);
  assert_announced (f, 2);
  g_assert_cmpint (column_of (f, "assignee_id", 2), ==, -100);

  notes = list_notes (f, 2);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_null (chorus_note_get_author_name (g_ptr_array_index (notes, 0)));
  history = history_of (f, 2);
  g_assert_cmpstr (history, ==,
                   "Someone added a note\n"
                   "Someone assigned the conversation to Bo Chen-Li\n");

  g_clear_pointer (&members, g_ptr_array_unref);
  members = list_members (f);
  g_assert_cmpuint (members->len, ==, 1);

  chorus_store_set_me_async (f->store, f->bo, NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_NOT_FOUND, "That team member no longer exists.");
}

static void
test_tag_admin (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GArray) two = ids_of (f, 1, 3, -1);
  g_autoptr(GArray) one = ids_of (f, 4, -1);
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(ChorusConversation) conversation = NULL;
  const char * const renamed[] = { "returns", NULL };
  gint64 refund;

  chorus_store_add_tag_async (f->store, two, "refund", NULL, on_done_cb, f);
  triage_ok (f);
  chorus_store_add_tag_async (f->store, one, "vip", NULL, on_done_cb, f);
  triage_ok (f);
  refund = query_int (f, "SELECT id FROM tags WHERE name = 'refund'");

  chorus_store_rename_tag_async (f->store, refund, "VIP", NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_EXISTS, "There is already a tag “VIP”.");
  chorus_store_rename_tag_async (f->store, refund, "returns", NULL, on_done_cb, f);
  g_assert_cmpint (edit_ok (f), ==, refund);
  assert_announced (f, 1, 3);
  conversation = chorus_store_load_conversation (f->store, f->c[1], NULL);
  g_assert_cmpstrv (chorus_conversation_get_tags (conversation), renamed);

  chorus_store_recolor_tag_async (f->store, refund, "#E01B24", NULL, on_done_cb, f);
  edit_ok (f);
  tags = list_tags (f);
  g_assert_cmpstr (chorus_tag_get_name (g_ptr_array_index (tags, 0)), ==, "returns");
  g_assert_cmpstr (chorus_tag_get_color (g_ptr_array_index (tags, 0)), ==, "#e01b24");
  g_assert_cmpuint (chorus_tag_get_usage_count (g_ptr_array_index (tags, 0)), ==, 2);
  g_assert_null (chorus_tag_get_color (g_ptr_array_index (tags, 1)));

  chorus_store_delete_tag_async (f->store, refund, NULL, on_done_cb, f);
  edit_ok (f);
  assert_announced (f, 1, 3);
  g_clear_pointer (&tags, g_ptr_array_unref);
  tags = list_tags (f);
  g_assert_cmpuint (tags->len, ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM conversation_tags"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/triage/statuses", Fixture, NULL, fixture_set_up, test_statuses, fixture_tear_down);
  g_test_add ("/chorus/triage/status-kind", Fixture, NULL, fixture_set_up, test_status_kind, fixture_tear_down);
  g_test_add ("/chorus/triage/team", Fixture, NULL, fixture_set_up, test_team, fixture_tear_down);
  g_test_add ("/chorus/triage/tag-admin", Fixture, NULL, fixture_set_up, test_tag_admin, fixture_tear_down);

  return g_test_run ();
}
