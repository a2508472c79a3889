/* triage-bar-fixture.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-triage-bar drives the triage bar and the notes panel with
 * (see triage-bar-fixture.h): the window holding both, the "changed"
 * and "failed" signals recorded, and what a person picks, clicks and
 * reads in them. */

#include "config.h"

#include <stdarg.h>

/* For CHORUS_TEST_WAIT_MS only: the run's application and folder, statics
 * of each file that includes it, are test-triage-bar.c's. */
#include "chorus-test-window.h"
#include "triage-bar-fixture.h"

static void
on_changed_cb (GtkWidget  *widget,
               gint64      audit_id,
               const char *message,
               Rig        *rig)
{
  g_array_append_val (rig->audit_ids, audit_id);
  g_ptr_array_add (rig->messages, g_strdup (message));
}

static void
on_failed_cb (GtkWidget    *widget,
              const GError *error,
              Rig          *rig)
{
  g_clear_error (&rig->failure);
  rig->failure = g_error_copy (error);
}

void
rig_set_up (Rig           *rig,
            gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture_set_up (&rig->f, data);
  rig->audit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rig->messages = g_ptr_array_new_with_free_func (g_free);

  rig->bar = CHORUS_TRIAGE_BAR (chorus_triage_bar_new ());
  rig->panel = CHORUS_NOTES_PANEL (chorus_notes_panel_new ());
  g_signal_connect (rig->bar, "changed", G_CALLBACK (on_changed_cb), rig);
  g_signal_connect (rig->bar, "failed", G_CALLBACK (on_failed_cb), rig);
  g_signal_connect (rig->panel, "changed", G_CALLBACK (on_changed_cb), rig);
  g_signal_connect (rig->panel, "failed", G_CALLBACK (on_failed_cb), rig);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rig->bar));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rig->panel));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);

  rig->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (rig->window, 520, 720);
  gtk_window_set_child (rig->window, scrolled);
  gtk_window_present (rig->window);
}

void
rig_tear_down (Rig           *rig,
               gconstpointer  data)
{
  g_object_ref (rig->bar);
  g_object_ref (rig->panel);
  gtk_window_destroy (rig->window);
  chorus_test_finalize_object (rig->bar);
  chorus_test_finalize_object (rig->panel);

  g_array_unref (rig->audit_ids);
  g_ptr_array_unref (rig->messages);
  g_clear_error (&rig->failure);
  fixture_tear_down (&rig->f, data);
}

gboolean
bar_loaded (gpointer data)
{
  return !chorus_triage_bar_get_loading (data);
}

gboolean
panel_loaded (gpointer data)
{
  return !chorus_notes_panel_get_loading (data);
}

/* Shows the bar for these conversations (indexes, -1 ending the list), as
 * the pane does for a selection, and waits for its lists. */
void
show_bar (Rig *rig,
          int  first,
          ...)
{
  g_autoptr(GPtrArray) conversations = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (int i = first; i >= 0; i = va_arg (args, int))
    {
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (conversations, chorus_store_load_conversation (rig->f.store, rig->f.c[i], &error));
      g_assert_no_error (error);
    }
  va_end (args);

  chorus_triage_bar_set_conversations (rig->bar, rig->f.store, conversations);
  g_assert_true (chorus_test_spin_until (bar_loaded, rig->bar, CHORUS_TEST_WAIT_MS));
}

gboolean
change_arrived (gpointer data)
{
  ChangeWait *wait = data;

  return wait->rig->audit_ids->len > wait->before || wait->rig->failure != NULL;
}

/* Waits for the next "changed"; returns its audit id, and checks its
 * sentence. */
gint64
wait_change (Rig        *rig,
             guint       before,
             const char *message)
{
  ChangeWait wait = { rig, before };

  g_assert_true (chorus_test_spin_until (change_arrived, &wait, CHORUS_TEST_WAIT_MS));
  g_assert_no_error (rig->failure);
  g_assert_cmpuint (rig->audit_ids->len, ==, before + 1);
  g_assert_cmpstr (g_ptr_array_index (rig->messages, before), ==, message);
  g_assert_true (chorus_test_spin_until (bar_loaded, rig->bar, CHORUS_TEST_WAIT_MS));

  return g_array_index (rig->audit_ids, gint64, before);
}

/* A widget's template child, by its id in the .ui file. */
gpointer
child_of (gpointer    widget,
          GType       type,
          const char *name)
{
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

GtkDropDown *
drop_down (Rig        *rig,
           const char *name)
{
  return child_of (rig->bar, CHORUS_TYPE_TRIAGE_BAR, name);
}

/* The dropdown's items, one per line. */
char *
items_of (GtkDropDown *drop_down)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (text, "%s\n", gtk_string_list_get_string (GTK_STRING_LIST (model), i));

  return g_string_free (text, FALSE);
}

const char *
selected_of (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Picks the item labelled @label, as a click in the dropdown's list does. */
void
pick (GtkDropDown *drop_down,
      const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return;
      }

  g_error ("No item “%s” in the dropdown", label);
}

char *
expected_lines (const char *first,
                ...)
{
  GString *text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *line = first; line != NULL; line = va_arg (args, const char *))
    g_string_append_printf (text, "%s\n", line);
  va_end (args);

  return g_string_free (text, FALSE);
}

gint64
tagged (Rig        *rig,
        const char *tag,
        int         conversation)
{
  return query_int (&rig->f, "SELECT count (*) FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id"
                             " WHERE t.name = '%s' AND ct.conversation_id = %" G_GINT64_FORMAT,
                    tag, rig->f.c[conversation]);
}

GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

gboolean
is_button (GtkWidget     *widget,
           gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

void
set_status (Rig   *rig,
            int    conversation,
            gint64 status_id)
{
  g_autoptr(GArray) ids = ids_of (&rig->f, conversation, -1);

  chorus_store_set_status_async (rig->f.store, ids, status_id, NULL, on_done_cb, &rig->f);
  triage_ok (&rig->f);
}

ChorusTagPopover *
open_tag_popover (Rig *rig)
{
  ChorusTagPopover *popover = child_of (rig->bar, CHORUS_TYPE_TRIAGE_BAR, "tag_popover");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig->bar), "triage.tag", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (chorus_test_spin_until (bar_loaded, rig->bar, CHORUS_TEST_WAIT_MS));

  return popover;
}

GtkWidget *
popover_child (ChorusTagPopover *popover,
               const char       *name)
{
  return child_of (popover, CHORUS_TYPE_TAG_POPOVER, name);
}

void
show_panel (Rig *rig,
            int  conversation)
{
  chorus_notes_panel_show (rig->panel, rig->f.store, rig->f.c[conversation]);
  g_assert_true (chorus_test_spin_until (panel_loaded, rig->panel, CHORUS_TEST_WAIT_MS));
}

void
add_note_as (Rig        *rig,
             gint64      author,
             const char *body,
             gint64      age)
{
  chorus_test_db_exec (_chorus_store_get_db (rig->f.store),
                       "INSERT INTO notes (conversation_id, author_id, body, created_at)"
                       " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', %" G_GINT64_FORMAT ")",
                       rig->f.c[0], author, body, g_get_real_time () / G_USEC_PER_SEC - age);
}
