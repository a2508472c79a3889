/* test-conversation-row.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <adwaita.h>

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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chorus/conversation-row/excerpt", test_excerpt);

  return g_test_run ();
}
