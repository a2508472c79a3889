/* test-team-prefs.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Statuses and Team pages of Preferences in-process, in a real
 * Preferences window on a real workspace (five ingested conversations,
 * Ana Lima as "me" and Bo Chen; see chorus-test-triage.c), beside an inbox
 * sidebar and a triage bar: a person fills in and answers the pages'
 * dialogs and clicks their buttons, and the test checks the workspace and
 * that the sidebar and the triage bar show the change. In English, or
 * Spanish with CHORUS_TEST_LANGUAGE=es.
 *
 * With CHORUS_TEAM_SHOTS=<folder>, it also saves screenshots of both pages
 * and of the dialog that deletes a status, light and dark. */

#include "config.h"

#include "chorus-format.h"
#include "chorus-inbox-sidebar.h"
#include "chorus-statuses-page.h"
#include "chorus-team-page.h"
#include "chorus-triage-bar.h"

#include "chorus-test-triage.h"
#include "chorus-test-window.h"

typedef struct
{
  Fixture               f;
  AdwPreferencesWindow *preferences;
  ChorusStatusesPage   *statuses;
  ChorusTeamPage       *team;
  GtkWindow            *window;
  ChorusInboxSidebar   *sidebar;
  ChorusTriageBar      *bar;
} Rig;

static gboolean
bar_loaded (gpointer data)
{
  return !chorus_triage_bar_get_loading (data);
}

static gboolean
statuses_ready (gpointer data)
{
  return chorus_statuses_page_is_ready (data);
}

static gboolean
team_ready (gpointer data)
{
  return chorus_team_page_is_ready (data);
}

static void
rig_set_up (Rig           *rig,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) conversations = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  fixture_set_up (&rig->f, data);

  rig->preferences = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (rig->preferences), 640, 620);
  rig->statuses = chorus_statuses_page_new (rig->f.store);
  rig->team = chorus_team_page_new (rig->f.store);
  adw_preferences_window_add (rig->preferences, ADW_PREFERENCES_PAGE (rig->statuses));
  adw_preferences_window_add (rig->preferences, ADW_PREFERENCES_PAGE (rig->team));
  gtk_window_present (GTK_WINDOW (rig->preferences));

  rig->sidebar = CHORUS_INBOX_SIDEBAR (chorus_inbox_sidebar_new ());
  rig->bar = CHORUS_TRIAGE_BAR (chorus_triage_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (rig->sidebar), 200, 400);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rig->sidebar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rig->bar));
  rig->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (rig->window, box);
  gtk_window_present (rig->window);

  chorus_inbox_sidebar_set_store (rig->sidebar, rig->f.store);
  g_ptr_array_add (conversations, chorus_store_load_conversation (rig->f.store, rig->f.c[0], NULL));
  chorus_triage_bar_set_conversations (rig->bar, rig->f.store, conversations);

  g_assert_true (chorus_test_spin_until (statuses_ready, rig->statuses, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (team_ready, rig->team, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (bar_loaded, rig->bar, CHORUS_TEST_WAIT_MS));
}

static void
rig_tear_down (Rig           *rig,
               gconstpointer  data)
{
  g_object_ref (rig->statuses);
  g_object_ref (rig->team);
  g_object_ref (rig->bar);
  g_object_ref (rig->sidebar);
  gtk_window_destroy (GTK_WINDOW (rig->preferences));
  gtk_window_destroy (rig->window);
  chorus_test_finalize_object (rig->statuses);
  chorus_test_finalize_object (rig->team);
  chorus_test_finalize_object (rig->bar);
  chorus_test_finalize_object (rig->sidebar);
  fixture_tear_down (&rig->f, data);
}

/* Widgets */

static gpointer
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The button of @row that shows @icon_name. */
static GtkWidget *
find_button (gpointer    row,
             const char *icon_name)
{
  GtkWidget *widget = row;

  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
click (gpointer    row,
       const char *icon_name)
{
  GtkWidget *button = find_button (row, icon_name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
has_dialog (gpointer data)
{
  AdwMessageDialog **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *dialog = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }

  return FALSE;
}

/* The message dialog shown now, once a page has opened it. */
static AdwMessageDialog *
wait_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  g_assert_true (chorus_test_spin_until (has_dialog, &dialog, CHORUS_TEST_WAIT_MS));
  return dialog;
}

static gboolean
no_dialog (gpointer data)
{
  AdwMessageDialog *dialog = NULL;

  return !has_dialog (&dialog);
}

/* The button of @widget labelled @label. */
static GtkWidget *
find_labelled (GtkWidget  *widget,
               const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks the dialog's button of @response; the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWidget *button = find_labelled (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, response));

  g_assert_nonnull (button);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (chorus_test_spin_until (no_dialog, NULL, CHORUS_TEST_WAIT_MS));
}

/* The dialog's entries, in order. */
static GtkEditable *
entry_of (AdwMessageDialog *dialog,
          guint             index)
{
  GtkWidget *child = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));

  for (guint i = 0; child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ENTRY (child) && i++ == index)
      return GTK_EDITABLE (child);

  g_error ("No entry %u in the dialog", index);
}

static const char *
title_of (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

typedef struct
{
  Rig        *rig;
  guint       index;
  const char *title;
} RowWait;

static gboolean
status_row_is (gpointer data)
{
  RowWait *wait = data;

  return chorus_statuses_page_is_ready (wait->rig->statuses) &&
         wait->index < chorus_statuses_page_get_n_rows (wait->rig->statuses) &&
         g_strcmp0 (title_of (chorus_statuses_page_get_row (wait->rig->statuses, wait->index)), wait->title) == 0;
}

#define wait_status_row(rig, i, name) \
  G_STMT_START { \
    RowWait wait_ = { rig, i, name }; \
    g_assert_true (chorus_test_spin_until (status_row_is, &wait_, CHORUS_TEST_WAIT_MS)); \
  } G_STMT_END

/* The triage bar's status dropdown lists @title. */
static gboolean
bar_lists_status (gpointer data)
{
  RowWait *wait = data;
  GtkDropDown *drop_down = (GtkDropDown *) gtk_widget_get_template_child (GTK_WIDGET (wait->rig->bar), CHORUS_TYPE_TRIAGE_BAR,
                                                          "status_drop_down");
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), wait->title) == 0)
      return bar_loaded (wait->rig->bar);

  return FALSE;
}

/* The sidebar's chosen view, Open, lets conversations of @index's status
 * through (an id in the fixture's statuses), or not. */
typedef struct
{
  Rig      *rig;
  gint64    status_id;
  gboolean  open;
} OpenWait;

static gboolean
sidebar_open_is (gpointer data)
{
  OpenWait *wait = data;
  const ChorusInboxFilter *filter = chorus_inbox_sidebar_get_filter (wait->rig->sidebar);
  const gint64 *ids;
  gsize n_ids = 0;
  gboolean found = FALSE;

  if (filter == NULL)
    return FALSE;

  ids = chorus_inbox_filter_get_status_ids (filter, &n_ids);
  for (gsize i = 0; i < n_ids; i++)
    found = found || ids[i] == wait->status_id;

  return found == wait->open;
}

#define wait_sidebar_open(rig, id, is_open) \
  G_STMT_START { \
    OpenWait wait_ = { rig, id, is_open }; \
    g_assert_true (chorus_test_spin_until (sidebar_open_is, &wait_, CHORUS_TEST_WAIT_MS)); \
  } G_STMT_END

static void
test_statuses (Rig           *rig,
               gconstpointer  data)
{
  g_autoptr(GArray) first = ids_of (&rig->f, 0, -1);
  g_autofree char *number = chorus_format_count (5);
  g_autofree char *five = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Counts as open · %s conversation",
                                                        "Counts as open · %s conversations", 5),
                                           number);
  g_autofree char *refusal = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkDropDown *targets;
  gint64 urgent;

  g_assert_cmpuint (chorus_statuses_page_get_n_rows (rig->statuses), ==, 4);
  g_assert_cmpstr (title_of (chorus_statuses_page_get_row (rig->statuses, 0)), ==, C_("conversation status", "New"));
  g_assert_cmpstr (title_of (chorus_statuses_page_get_row (rig->statuses, 3)), ==, C_("conversation status", "Done"));
  /* Every conversation came in New. */
  g_assert_cmpstr (adw_action_row_get_subtitle (chorus_statuses_page_get_row (rig->statuses, 0)), ==, five);
  g_assert_false (gtk_widget_get_sensitive (find_button (chorus_statuses_page_get_row (rig->statuses, 0),
                                                         "go-up-symbolic")));

  /* Added: open, last, and at once among the statuses Open lets through. */
  dialog = chorus_statuses_page_add_status (rig->statuses);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (entry_of (dialog, 0), "  Escalated ");
  respond (dialog, "save");
  wait_status_row (rig, 4, "Escalated");
  urgent = query_int (&rig->f, "SELECT id FROM statuses WHERE name = 'Escalated' AND is_closed = 0 AND position = 4");
  g_assert_cmpint (urgent, >, DONE);
  wait_sidebar_open (rig, urgent, TRUE);

  /* Renamed: the triage bar's dropdown says so. */
  click (chorus_statuses_page_get_row (rig->statuses, 4), "document-edit-symbolic");
  dialog = wait_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (entry_of (dialog, 0)), ==, "Escalated");
  gtk_editable_set_text (entry_of (dialog, 0), "Urgent");
  respond (dialog, "save");
  wait_status_row (rig, 4, "Urgent");
  g_assert_cmpint (query_int (&rig->f, "SELECT count (*) FROM statuses WHERE name = 'Urgent'"), ==, 1);
  {
    RowWait wait = { rig, 0, "Urgent" };

    g_assert_true (chorus_test_spin_until (bar_lists_status, &wait, CHORUS_TEST_WAIT_MS));
  }

  /* Moved up, above Done. */
  g_assert_false (gtk_widget_get_sensitive (find_button (chorus_statuses_page_get_row (rig->statuses, 4),
                                                         "go-down-symbolic")));
  click (chorus_statuses_page_get_row (rig->statuses, 4), "go-up-symbolic");
  wait_status_row (rig, 3, "Urgent");
  g_assert_cmpint (query_int (&rig->f, "SELECT position FROM statuses WHERE id = %" G_GINT64_FORMAT, urgent), ==, 3);
  g_assert_cmpint (query_int (&rig->f, "SELECT position FROM statuses WHERE id = %d", DONE), ==, 4);

  /* Counts as done now: Open no longer lets it through. */
  click (chorus_statuses_page_get_row (rig->statuses, 3), "document-edit-symbolic");
  dialog = wait_dialog ();
  gtk_check_button_set_active (find_descendant (adw_message_dialog_get_extra_child (dialog),
                                                GTK_TYPE_CHECK_BUTTON), TRUE);
  respond (dialog, "save");
  wait_sidebar_open (rig, urgent, FALSE);
  g_assert_cmpint (query_int (&rig->f, "SELECT is_closed FROM statuses WHERE id = %" G_GINT64_FORMAT, urgent), ==, 1);

  /* Deleted, its conversation moved to the status picked. */
  chorus_store_set_status_async (rig->f.store, first, urgent, NULL, on_done_cb, &rig->f);
  triage_ok (&rig->f);
  click (chorus_statuses_page_get_row (rig->statuses, 3), "user-trash-symbolic");
  dialog = wait_dialog ();
  g_clear_pointer (&number, g_free);
  number = chorus_format_count (1);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation has this status. Choose the status it gets instead:",
                                       "%s conversations have this status. Choose the status they get instead:", 1),
                          number);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  targets = find_descendant (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_DROP_DOWN);
  /* The other statuses, the first that also counts as done chosen. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (targets)), ==, 4);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (targets)), ==,
                   C_("conversation status", "Done"));
  gtk_drop_down_set_selected (targets, 2);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (targets)), ==,
                   C_("conversation status", "Waiting"));
  if (g_getenv ("CHORUS_TEAM_SHOTS") != NULL)
    return;
  respond (dialog, "delete");
  wait_status_row (rig, 3, C_("conversation status", "Done"));
  g_assert_cmpuint (chorus_statuses_page_get_n_rows (rig->statuses), ==, 4);
  g_assert_cmpint (query_int (&rig->f, "SELECT count (*) FROM statuses WHERE id = %" G_GINT64_FORMAT, urgent), ==, 0);
  g_assert_cmpint (column_of (&rig->f, "status_id", 0), ==, WAITING);

  /* Done is the last status that closes a conversation: the page says so
   * rather than asking where its conversations go. */
  click (chorus_statuses_page_get_row (rig->statuses, 3), "user-trash-symbolic");
  dialog = wait_dialog ();
  refusal = g_strdup_printf (_("“%s” is the last status that closes a conversation. Add another one before deleting it."),
                             C_("conversation status", "Done"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, refusal);
  g_assert_null (adw_message_dialog_get_extra_child (dialog));
  respond (dialog, "close");
  g_assert_cmpint (query_int (&rig->f, "SELECT count (*) FROM statuses"), ==, 4);
}

typedef struct
{
  Rig   *rig;
  guint  n_rows;
} CountWait;

static gboolean
team_has_rows (gpointer data)
{
  CountWait *wait = data;

  return chorus_team_page_is_ready (wait->rig->team) && chorus_team_page_get_n_rows (wait->rig->team) == wait->n_rows;
}

#define wait_team_rows(rig, n) \
  G_STMT_START { \
    CountWait wait_ = { rig, n }; \
    g_assert_true (chorus_test_spin_until (team_has_rows, &wait_, CHORUS_TEST_WAIT_MS)); \
  } G_STMT_END

static gboolean
bo_is_me (gpointer data)
{
  Rig *rig = data;

  return query_int (&rig->f, "SELECT is_me FROM team_members WHERE id = %" G_GINT64_FORMAT, rig->f.bo) == 1;
}

/* The triage bar's assignee dropdown lists @title. */
static gboolean
bar_lists_assignee (gpointer data)
{
  RowWait *wait = data;
  GtkDropDown *drop_down = (GtkDropDown *) gtk_widget_get_template_child (GTK_WIDGET (wait->rig->bar), CHORUS_TYPE_TRIAGE_BAR,
                                                          "assignee_drop_down");
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), wait->title) == 0)
      return bar_loaded (wait->rig->bar);

  return FALSE;
}

static gboolean
team_row_is (gpointer data)
{
  RowWait *wait = data;

  return chorus_team_page_is_ready (wait->rig->team) && wait->index < chorus_team_page_get_n_rows (wait->rig->team) &&
         g_strcmp0 (title_of (chorus_team_page_get_row (wait->rig->team, wait->index)), wait->title) == 0;
}

static void
test_team (Rig           *rig,
           gconstpointer  data)
{
  g_autoptr(GArray) two = ids_of (&rig->f, 1, 3, -1);
  g_autofree char *bo_me = g_strdup_printf (_("%s (me)"), "Bo Chen");
  g_autofree char *number = NULL;
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  AdwComboRow *me_row = chorus_team_page_get_me_row (rig->team);
  AdwMessageDialog *dialog;
  gint64 cleo;

  /* By name; Ana is "me". */
  g_assert_cmpuint (chorus_team_page_get_n_rows (rig->team), ==, 2);
  g_assert_cmpstr (title_of (chorus_team_page_get_row (rig->team, 0)), ==, "Ana Lima");
  g_assert_cmpstr (title_of (chorus_team_page_get_row (rig->team, 1)), ==, "Bo Chen");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (me_row)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (me_row), ==, 0);

  dialog = chorus_team_page_add_member (rig->team);
  gtk_editable_set_text (entry_of (dialog, 0), "Cleo Park");
  gtk_editable_set_text (entry_of (dialog, 1), "cleo@example.com");
  respond (dialog, "save");
  wait_team_rows (rig, 3);
  cleo = query_int (&rig->f, "SELECT id FROM team_members WHERE name = 'Cleo Park' AND email = 'cleo@example.com'"
                             " AND role = 'member' AND is_me = 0");
  g_assert_cmpint (cleo, >, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (chorus_team_page_get_row (rig->team, 2)), ==, "cleo@example.com");

  /* Bo takes the keyboard: the triage bar offers Bo's conversations as mine. */
  adw_combo_row_set_selected (me_row, 1);
  g_assert_true (chorus_test_spin_until (bo_is_me, rig, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (query_int (&rig->f, "SELECT sum (is_me) FROM team_members"), ==, 1);
  {
    RowWait wait = { rig, 0, bo_me };

    g_assert_true (chorus_test_spin_until (bar_lists_assignee, &wait, CHORUS_TEST_WAIT_MS));
  }
  wait_team_rows (rig, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (me_row), ==, 1);

  /* Renamed. */
  click (chorus_team_page_get_row (rig->team, 2), "document-edit-symbolic");
  dialog = wait_dialog ();
  gtk_editable_set_text (entry_of (dialog, 0), "Cleo Park-Ruiz");
  respond (dialog, "save");
  {
    RowWait wait = { rig, 2, "Cleo Park-Ruiz" };

    g_assert_true (chorus_test_spin_until (team_row_is, &wait, CHORUS_TEST_WAIT_MS));
  }
  g_assert_cmpint (query_int (&rig->f, "SELECT count (*) FROM team_members WHERE name = 'Cleo Park-Ruiz'"), ==, 1);

  /* Removed, after saying how many conversations become unassigned. */
  chorus_store_set_assignee_async (rig->f.store, two, cleo, NULL, on_done_cb, &rig->f);
  triage_ok (&rig->f);
  click (chorus_team_page_get_row (rig->team, 2), "user-trash-symbolic");
  dialog = wait_dialog ();
  number = chorus_format_count (2);
  heading = g_strdup_printf (_("Remove %s?"), "Cleo Park-Ruiz");
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation is assigned to %s. It will become unassigned.",
                                       "%s conversations are assigned to %s. They will become unassigned.", 2),
                          number, "Cleo Park-Ruiz");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  respond (dialog, "remove");
  wait_team_rows (rig, 2);
  g_assert_cmpint (query_int (&rig->f, "SELECT count (*) FROM team_members WHERE id = %" G_GINT64_FORMAT, cleo), ==, 0);
  g_assert_cmpint (column_of (&rig->f, "assignee_id", 1), ==, -100);
  g_assert_cmpint (column_of (&rig->f, "assignee_id", 3), ==, -100);
}

/* Screenshots: what a person sees, in the run's language. */

static gboolean
on_settled_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (guint ms)
{
  gboolean settled = FALSE;

  g_timeout_add (ms, on_settled_cb, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
}

static void
shoot (GtkWindow  *window,
       const char *name)
{
  const char *language = g_getenv ("CHORUS_TEST_LANGUAGE") ? g_getenv ("CHORUS_TEST_LANGUAGE") : "en";
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autofree char *file = g_strdup_printf ("team-%s-%s-%s.png", language, name, dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (g_getenv ("CHORUS_TEAM_SHOTS"), file, NULL);
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      settle (700);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)),
                              gtk_widget_get_height (GTK_WIDGET (window)));
      node = gtk_snapshot_free_to_node (snapshot);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("saved %s", path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (Rig           *rig,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog = NULL;

  shoot (GTK_WINDOW (rig->preferences), "statuses");
  adw_preferences_window_set_visible_page (rig->preferences, ADW_PREFERENCES_PAGE (rig->team));
  shoot (GTK_WINDOW (rig->preferences), "team");
  adw_preferences_window_set_visible_page (rig->preferences, ADW_PREFERENCES_PAGE (rig->statuses));
  dialog = chorus_statuses_page_add_status (rig->statuses);
  gtk_editable_set_text (entry_of (dialog, 0), "Escalated");
  shoot (GTK_WINDOW (dialog), "add");
  respond (dialog, "cancel");

  /* Stops at the dialog that deletes a status. */
  test_statuses (rig, data);
  g_assert_true (has_dialog (&dialog));
  shoot (GTK_WINDOW (dialog), "delete");
  shoot (GTK_WINDOW (rig->preferences), "statuses-edited");
  respond (dialog, "cancel");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);
  /* The application loads style.css, as in the real program. */
  test_get_application ();
  /* Owned by this thread all along (see test-triage-bar.c): the store
   * announces changes on it. */
  g_assert_true (g_main_context_acquire (g_main_context_default ()));

  if (g_getenv ("CHORUS_TEAM_SHOTS") != NULL)
    g_test_add ("/chorus/team-prefs/screenshots", Rig, NULL, rig_set_up, test_screenshots, rig_tear_down);
  else
    {
      g_test_add ("/chorus/team-prefs/statuses", Rig, NULL, rig_set_up, test_statuses, rig_tear_down);
      g_test_add ("/chorus/team-prefs/team", Rig, NULL, rig_set_up, test_team, rig_tear_down);
    }

  ret = g_test_run ();
  g_main_context_release (g_main_context_default ());
  test_window_finish ();

  return ret;
}
