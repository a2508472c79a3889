/* test-conversation-row.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "chorus-avatar.h"
#include "chorus-conversation.h"
#include "chorus-conversation-row.h"

#include "chorus-test-util.h"

/* A row of the inbox shows one line of what the person said: line breaks
 * fold into spaces, and the @mentions a post starts with give way to the
 * words after them, unless there is nothing else. */

static const char *
excerpt_of (ChorusConversationRow *row,
            const char            *text)
{
  g_autoptr(ChorusConversation) conversation = g_object_new (CHORUS_TYPE_CONVERSATION,
                                                             "id", (gint64) 1,
                                                             "network", "mastodon",
                                                             "author-name", "Ana",
                                                             "excerpt", text,
                                                             NULL);
  GtkWidget *label;

  chorus_conversation_row_set_conversation (row, conversation);
  label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), CHORUS_TYPE_CONVERSATION_ROW,
                                                     "excerpt_label"));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_excerpt (void)
{
  ChorusConversationRow *row = g_object_ref_sink (g_object_new (CHORUS_TYPE_CONVERSATION_ROW, NULL));

  g_assert_cmpstr (excerpt_of (row, "@tallpine@social.example Where is\nmy order?"), ==, "Where is my order?");
  g_assert_cmpstr (excerpt_of (row, "@a @b.bsky.social  \n thanks!"), ==, "thanks!");
  g_assert_cmpstr (excerpt_of (row, "Thanks @tallpine, it fits"), ==, "Thanks @tallpine, it fits");
  g_assert_cmpstr (excerpt_of (row, "@tallpine@social.example"), ==, "@tallpine@social.example");
  g_assert_cmpstr (excerpt_of (row, "@tallpine @support"), ==, "@tallpine @support");
  g_assert_cmpstr (excerpt_of (row, "  Two\n\nparagraphs  "), ==, "Two paragraphs");
  g_assert_cmpstr (excerpt_of (row, ""), ==, "");

  g_object_unref (row);
}

/* A name or handle with bidi overrides, zero-width spaces or a line
 * break is shown as the letters it has, on one line: it cannot reverse
 * itself ("redlaw" drawn as "walder") or hide what it is made of. */
static void
test_hostile_name (void)
{
  ChorusConversationRow *row = g_object_ref_sink (g_object_new (CHORUS_TYPE_CONVERSATION_ROW, NULL));
  g_autoptr(ChorusConversation) conversation = g_object_new (CHORUS_TYPE_CONVERSATION,
                                                             "id", (gint64) 1,
                                                             "network", "mastodon",
                                                             "author-name", "Kai \u202Eredlaw\u202C\n\u200B",
                                                             "author-handle", "\u2066@kai\u2069\uFEFF@evil.example",
                                                             "excerpt", "Hi",
                                                             NULL);
  GtkWidget *widget = GTK_WIDGET (row);

  chorus_conversation_row_set_conversation (row, conversation);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (widget, CHORUS_TYPE_CONVERSATION_ROW,
                                                                               "name_label"))), ==, "Kai redlaw");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (widget, CHORUS_TYPE_CONVERSATION_ROW,
                                                                               "handle_label"))), ==,
                   "@kai@evil.example");

  g_object_unref (row);
}

/* The row's avatar looks as AdwAvatar, which draws the person elsewhere,
 * for the same name: the same initials, colour and fitted font size,
 * whether its name came before or after it was in a window. */
static GtkWidget *
adw_part (GtkWidget *avatar,
          GType      type)
{
  GtkWidget *gizmo = gtk_widget_get_first_child (avatar);

  if (type == G_TYPE_NONE)
    return gizmo;

  for (GtkWidget *child = gtk_widget_get_first_child (gizmo); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;

  g_assert_not_reached ();
}

static char *
dup_color_class (GtkWidget *widget)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_str_has_prefix (classes[i], "color"))
      return g_strdup (classes[i]);

  return NULL;
}

static char *
dup_font_size (GtkLabel *label)
{
  PangoAttrList *attributes = gtk_label_get_attributes (label);

  return attributes != NULL ? pango_attr_list_to_string (attributes) : g_strdup ("");
}

static void
test_avatar (void)
{
  const char *names[] = { "Ana", "Wes Trails", "María López", "mw", "Ümit Öz", "Ana Ortiz" };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GPtrArray *ours = g_ptr_array_new ();
  GPtrArray *theirs = g_ptr_array_new ();

  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *avatar = chorus_avatar_new (40);

      /* Half named before they are in a window, half after. */
      if (i % 2 == 0)
        chorus_avatar_set_text (CHORUS_AVATAR (avatar), names[i]);
      g_ptr_array_add (ours, avatar);
      g_ptr_array_add (theirs, adw_avatar_new (40, names[i], TRUE));
      gtk_box_append (GTK_BOX (box), avatar);
      gtk_box_append (GTK_BOX (box), g_ptr_array_index (theirs, i));
    }
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 1; i < G_N_ELEMENTS (names); i += 2)
    chorus_avatar_set_text (g_ptr_array_index (ours, i), names[i]);
  gtk_test_widget_wait_for_draw (window);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *avatar = g_ptr_array_index (ours, i);
      GtkWidget *adw = g_ptr_array_index (theirs, i);
      GtkLabel *label = GTK_LABEL (gtk_widget_get_first_child (avatar));
      GtkLabel *adw_label = GTK_LABEL (adw_part (adw, GTK_TYPE_LABEL));
      g_autofree char *color = dup_color_class (avatar);
      g_autofree char *adw_color = dup_color_class (adw_part (adw, G_TYPE_NONE));
      g_autofree char *size = dup_font_size (label);
      g_autofree char *adw_size = dup_font_size (adw_label);

      g_assert_cmpstr (chorus_avatar_get_text (CHORUS_AVATAR (avatar)), ==, names[i]);
      g_assert_cmpstr (gtk_label_get_label (label), ==, gtk_label_get_label (adw_label));
      g_assert_cmpstr (color, ==, adw_color);
      g_assert_cmpstr (size, ==, adw_size);
    }

  g_ptr_array_unref (ours);
  g_ptr_array_unref (theirs);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  chorus_test_use_locale ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chorus/conversation-row/excerpt", test_excerpt);
  g_test_add_func ("/chorus/conversation-row/avatar", test_avatar);
  g_test_add_func ("/chorus/conversation-row/hostile-name", test_hostile_name);

  return g_test_run ();
}
