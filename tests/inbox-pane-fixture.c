/* inbox-pane-fixture.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-inbox-pane drives the Conversations pane with (see
 * inbox-pane-fixture.h): the real window on a sample workspace of its
 * own, the pane's widgets, key presses, SQL of the test's own and waiting
 * for what the pane shows. */

#include "config.h"

#include <stdarg.h>

#include "chorus-format.h"
#include "chorus-sample.h"

#include "chorus-test-window.h"
#include "inbox-pane-fixture.h"

/* chorus-test-window.h keeps the application and the folder of the run
 * in statics of each file that includes it: this one alone does. */

void
inbox_pane_fixture_init (int    *argc,
                         char ***argv)
{
  test_window_init (argc, argv);
}

void
inbox_pane_fixture_finish (void)
{
  test_window_finish ();
}

gpointer
inbox_pane_fixture_find_toplevel (GType type)
{
  return test_find_toplevel (type);
}

/* Widgets */

GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gpointer
pane_child (Rig        *rig,
            const char *name)
{
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (rig->pane), CHORUS_TYPE_CONVERSATIONS_PANE, name);

  g_assert_nonnull (child);
  return child;
}

const char *
label_of (Rig        *rig,
          const char *name)
{
  return gtk_label_get_label (pane_child (rig, name));
}

/* The key controller the pane put on the list: where key presses go. */
static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_assert_null (found);
          found = controller;
        }
    }

  g_assert_nonnull (found);
  return found;
}

/* A key press on the list, without modifiers; whether the pane took it. */
gboolean
press (Rig   *rig,
       guint  keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (rig->keys, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  return handled;
}

gboolean
focus_within (Rig       *rig,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (rig->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The sidebar's row of the view titled @title, or NULL. */
GtkListBoxRow *
view_row (Rig        *rig,
          const char *title)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (rig->views, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), title) == 0)
      return row;

  return NULL;
}

/* What the sidebar's badges say, a view per line: "Inbox 18", or
 * "Done -" for none. */
static char *
dup_badges (Rig *rig)
{
  GString *text = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (rig->views, i)) != NULL; i++)
    {
      GtkWidget *badge = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));

      g_assert_true (gtk_widget_has_css_class (badge, "chorus-view-count"));
      g_string_append_printf (text, "%s %s\n", gtk_widget_get_tooltip_text (GTK_WIDGET (row)),
                              gtk_widget_get_visible (badge) ? gtk_label_get_label (GTK_LABEL (badge)) : "-");
    }

  return g_string_free (text, FALSE);
}

/* SQL of the test's own */

char *
sql_text (Rig        *rig,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  char *text;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  text = chorus_test_db_query_text (_chorus_store_get_db (rig->store), sql);
  g_assert_nonnull (text);
  return text;
}

/* How many conversations @where (over "conversations c") lets through. */
gint64
count_where (Rig        *rig,
             const char *where)
{
  g_autofree char *count = sql_text (rig, "SELECT count (*) FROM conversations c WHERE %s", where);

  return g_ascii_strtoll (count, NULL, 10);
}

gint64
column_of (Rig        *rig,
           const char *column,
           gint64      id)
{
  g_autofree char *value = sql_text (rig, "SELECT %s FROM conversations WHERE id = %" G_GINT64_FORMAT, column, id);

  return g_ascii_strtoll (value, NULL, 10);
}

gint64
id_at (Rig   *rig,
       guint  position)
{
  g_autoptr(ChorusConversation) conversation = g_list_model_get_item (G_LIST_MODEL (rig->selection), position);

  g_assert_nonnull (conversation);
  return chorus_conversation_get_id (conversation);
}

/* The badges the sidebar should show: each built-in view's unread
 * conversations, none for Done and All, and @saved_where's for the saved
 * view @saved_name, if any. */
char *
dup_expected_badges (Rig        *rig,
                     const char *saved_name,
                     const char *saved_where)
{
  const struct { const char *title; const char *where; } views[] = {
    { _("Inbox"), OPEN_SQL },
    { _("Assigned to Me"), OPEN_SQL " AND assignee_id = (SELECT id FROM team_members WHERE is_me)" },
    { _("Unassigned"), OPEN_SQL " AND assignee_id IS NULL" },
    { _("Unread"), "1" },
    { _("Questions"), OPEN_SQL " AND has_question" },
    { _("Negative"), OPEN_SQL " AND coalesce (sentiment_override, sentiment, 0) < 0" },
    { _("Done"), NULL },
    { _("All Conversations"), NULL },
    { saved_name, saved_where },
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views) && views[i].title != NULL; i++)
    {
      g_autofree char *where = g_strconcat ("unread AND ", views[i].where, NULL);
      gint64 count = views[i].where != NULL ? count_where (rig, where) : 0;
      g_autofree char *shown = count > 0 ? chorus_format_count (count) : g_strdup ("-");

      g_string_append_printf (text, "%s %s\n", views[i].title, shown);
    }

  return g_string_free (text, FALSE);
}

/* Waiting */

void
wait_for (ChorusTestCondition done,
          gpointer            data)
{
  g_assert_true (chorus_test_spin_until (done, data, CHORUS_TEST_WAIT_MS));
}

void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* With CHORUS_INBOX_SHOTS naming a folder, the window is saved there as
 * inbox-<what>-<language>-<light|dark>.png (test_shoot()). */
void
shoot (Rig        *rig,
       const char *what)
{
  /* The thread and the person come in after the row is picked. */
  if (g_getenv ("CHORUS_INBOX_SHOTS") != NULL)
    settle (1500);
  test_shoot (GTK_WINDOW (rig->window), "CHORUS_INBOX_SHOTS", "inbox", what);
}

ChorusConversationList *
list_of (Rig *rig)
{
  return CHORUS_CONVERSATION_LIST (chorus_conversations_pane_get_model (rig->pane));
}

/* The chosen view is listed. */
gboolean
listed (gpointer data)
{
  Rig *rig = data;
  ChorusConversationList *list = list_of (rig);

  return list != NULL && chorus_inbox_sidebar_get_filter (rig->sidebar) != NULL &&
         !chorus_conversation_list_get_loading (list);
}

gboolean
bar_loaded (gpointer data)
{
  return !chorus_triage_bar_get_loading (data);
}

/* Something the test reads as text, to wait for. */
typedef char *(*Probe) (Rig        *rig,
                        const char *arg);

typedef struct
{
  Rig        *rig;
  Probe       probe;
  const char *arg;
  const char *expected;
} Wait;

static gboolean
probe_gives (gpointer data)
{
  Wait *wait = data;
  g_autofree char *text = wait->probe (wait->rig, wait->arg);

  return g_strcmp0 (text, wait->expected) == 0;
}

/* Waits until @probe gives @expected; after a timeout, the comparison
 * says what it gave instead. */
static void
wait_text (Rig        *rig,
           Probe       probe,
           const char *arg,
           const char *expected)
{
  Wait wait = { rig, probe, arg, expected };
  g_autofree char *text = NULL;

  chorus_test_spin_until (probe_gives, &wait, CHORUS_TEST_WAIT_MS);
  text = probe (rig, arg);
  g_assert_cmpstr (text, ==, expected);
}

static char *
probe_sql (Rig        *rig,
           const char *sql)
{
  return sql_text (rig, "%s", sql);
}

static char *
probe_badges (Rig        *rig,
              const char *arg)
{
  return dup_badges (rig);
}

/* The title of the pane's last toast: each change's differs from the last. */
static char *
probe_toast (Rig        *rig,
             const char *arg)
{
  AdwToast *toast = chorus_conversations_pane_get_last_toast (rig->pane);

  return g_strdup (toast != NULL ? adw_toast_get_title (toast) : "");
}

/* Waits for the toast titled @title, and returns it. */
AdwToast *
wait_toast (Rig        *rig,
            const char *title)
{
  wait_text (rig, probe_toast, NULL, title);
  return chorus_conversations_pane_get_last_toast (rig->pane);
}

void
wait_column (Rig        *rig,
             const char *column,
             gint64      id,
             const char *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM conversations WHERE id = %" G_GINT64_FORMAT, column, id);

  wait_text (rig, probe_sql, sql, value);
}

/* The badges say @expected, and still do once every count under way has
 * come back. */
void
assert_badges (Rig        *rig,
               const char *expected)
{
  g_autofree char *badges = NULL;

  wait_text (rig, probe_badges, NULL, expected);
  settle (300);
  badges = dup_badges (rig);
  g_assert_cmpstr (badges, ==, expected);
}

/* Opening and closing the workspace */

void
open_pane (Rig *rig)
{
  rig->window = test_open_window (rig->path);
  rig->store = chorus_window_get_store (rig->window);
  rig->pane = CHORUS_CONVERSATIONS_PANE (rig->window->conversations_pane);
  rig->sidebar = pane_child (rig, "sidebar");
  rig->search = pane_child (rig, "search_entry");
  rig->list_view = pane_child (rig, "list_view");
  rig->selection = pane_child (rig, "selection");
  rig->views = GTK_LIST_BOX (find_widget (GTK_WIDGET (rig->sidebar), GTK_TYPE_LIST_BOX));
  rig->bar = CHORUS_TRIAGE_BAR (find_widget (GTK_WIDGET (rig->pane), CHORUS_TYPE_TRIAGE_BAR));
  rig->keys = find_key_controller (rig->list_view);

  wait_for (listed, rig);
  g_assert_cmpint (chorus_inbox_sidebar_get_saved_view (rig->sidebar), ==, 0);
  g_assert_cmpstr (label_of (rig, "title_label"), ==, _("Inbox"));
}

void
close_pane (Rig *rig)
{
  wait_for (bar_loaded, rig->bar);
  test_destroy_window (g_steal_pointer (&rig->window));
  rig->store = NULL;
}

void
rig_set_up (Rig           *rig,
            gconstpointer  data)
{
  static guint n_workspaces;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Sample %u.chorus", ++n_workspaces);

  rig->path = g_build_filename (test_dir, name, NULL);
  if (!chorus_sample_generate (rig->path, 600, 7, NULL, NULL, &error))
    g_error ("Could not generate the sample: %s", error->message);

  open_pane (rig);
}

void
rig_tear_down (Rig           *rig,
               gconstpointer  data)
{
  close_pane (rig);
  g_free (rig->path);
}

/* Chooses a view in the sidebar, as a click does, and waits for its list. */
void
choose_view (Rig        *rig,
             const char *title)
{
  GtkListBoxRow *row = view_row (rig, title);

  g_assert_nonnull (row);
  gtk_list_box_select_row (rig->views, row);
  wait_for (listed, rig);
  g_assert_cmpstr (label_of (rig, "title_label"), ==, title);
}

/* Replacing the text, GTK empties the box first, and the search box
 * reports that at once: only the search for the whole text counts. */
static void
on_search_changed_cb (GtkEditable *entry,
                      Rig         *rig)
{
  if (g_strcmp0 (gtk_editable_get_text (entry), rig->typed) == 0)
    rig->searched = TRUE;
}

static gboolean
searched (gpointer data)
{
  Rig *rig = data;

  return rig->searched && listed (rig);
}

/* Types @text into the search box, and waits for the search, which comes
 * a moment after the typing, and its list. */
void
search_for (Rig        *rig,
            const char *text)
{
  gulong handler = g_signal_connect (rig->search, "search-changed", G_CALLBACK (on_search_changed_cb), rig);

  rig->typed = text;
  rig->searched = FALSE;
  gtk_editable_set_text (rig->search, text);
  wait_for (searched, rig);
  g_signal_handler_disconnect (rig->search, handler);
  rig->typed = NULL;
}

/* The list shows exactly the conversations @where (over "conversations
 * c") lets through, and says how many; returns how many. */
gint64
assert_view (Rig        *rig,
             const char *where)
{
  GListModel *model = G_LIST_MODEL (list_of (rig));
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(GString) ids = g_string_new ("0");
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (ids, ", %" G_GINT64_FORMAT, id_at (rig, i));
  /* Sorted by SQL, as the expected ids are; 0 only keeps "[0]" valid JSON. */
  shown = sql_text (rig, "SELECT coalesce (group_concat (value, ','), '') FROM"
                         " (SELECT value FROM json_each ('[%s]') WHERE value <> 0 ORDER BY value)", ids->str);
  expected = sql_text (rig, "SELECT coalesce (group_concat (id, ','), '') FROM"
                            " (SELECT c.id FROM conversations c WHERE %s ORDER BY c.id)", where);
  g_assert_cmpstr (shown, ==, expected);

  if (n_items > 0)
    {
      g_autofree char *count = chorus_format_count (n_items);
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation",
                                                             "%s conversations", n_items), count);

      g_assert_cmpstr (chorus_conversations_pane_get_page (rig->pane), ==, "list");
      g_assert_cmpstr (label_of (rig, "count_label"), ==, label);
    }

  return n_items;
}
