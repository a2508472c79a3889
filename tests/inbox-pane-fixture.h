/* inbox-pane-fixture.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-inbox-pane shares: the Conversations pane in the real window
 * on a sample workspace of its own (600 posts, made anew for each case),
 * the widgets a person uses, and what the list, the badges and the
 * workspace hold, read as text to compare with SQL of the test's own.
 * Helpers fail the running test when what they wait for never comes. */

#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-conversation-list.h"
#include "chorus-conversations-pane.h"
#include "chorus-inbox-sidebar.h"
#include "chorus-store-inbox.h"
#include "chorus-store-private.h"
#include "chorus-thread-view.h"
#include "chorus-triage-bar.h"
#include "chorus-window-private.h"

#include "chorus-test-util.h"

G_BEGIN_DECLS

/* A word of the sample's posts, in some open conversations but not all. */
#define WORD "summit"
#define WORD_SQL "c.id IN (SELECT p.conversation_id FROM posts_fts f JOIN posts p ON p.id = f.rowid" \
                 " WHERE posts_fts MATCH '\"" WORD "\"')"

/* The built-in statuses (migration 1): New, Open and Waiting are open. */
#define DONE 4
#define OPEN_SQL "c.status_id IN (SELECT id FROM statuses WHERE NOT is_closed)"

typedef struct
{
  char                    *path;
  ChorusWindow            *window;
  ChorusConversationsPane *pane;
  ChorusStore             *store;
  ChorusInboxSidebar      *sidebar;
  GtkListBox              *views;
  GtkEditable             *search;
  GtkWidget               *list_view;
  GtkSelectionModel       *selection;
  ChorusTriageBar         *bar;
  GtkEventController      *keys;
  const char              *typed;         /* into the search box, by search_for () */
  gboolean                 searched;      /* the search box reported it */
} Rig;

/* Around g_test_run(), as test_window_init() and test_window_finish(). */
void                    inbox_pane_fixture_init          (int                  *argc,
                                                          char               ***argv);
void                    inbox_pane_fixture_finish        (void);
/* The last toplevel of @type, or NULL. */
gpointer                inbox_pane_fixture_find_toplevel (GType                 type);

/* Widgets */
GtkWidget              *find_widget         (GtkWidget            *root,
                                             GType                 type);
gpointer                pane_child          (Rig                  *rig,
                                             const char           *name);
const char             *label_of            (Rig                  *rig,
                                             const char           *name);
gboolean                press               (Rig                  *rig,
                                             guint                 keyval);
gboolean                focus_within        (Rig                  *rig,
                                             GtkWidget            *widget);
GtkListBoxRow          *view_row            (Rig                  *rig,
                                             const char           *title);

/* SQL of the test's own */
char                   *sql_text            (Rig                  *rig,
                                             const char           *format,
                                             ...) G_GNUC_PRINTF (2, 3);
gint64                  count_where         (Rig                  *rig,
                                             const char           *where);
gint64                  column_of           (Rig                  *rig,
                                             const char           *column,
                                             gint64                id);
gint64                  id_at               (Rig                  *rig,
                                             guint                 position);
char                   *dup_expected_badges (Rig                  *rig,
                                             const char           *saved_name,
                                             const char           *saved_where);

/* Waiting */
void                    wait_for            (ChorusTestCondition   done,
                                             gpointer              data);
void                    settle              (guint                 ms);
void                    shoot               (Rig                  *rig,
                                             const char           *what);
ChorusConversationList *list_of             (Rig                  *rig);
gboolean                listed              (gpointer              data);
gboolean                bar_loaded          (gpointer              data);
AdwToast               *wait_toast          (Rig                  *rig,
                                             const char           *title);
void                    wait_column         (Rig                  *rig,
                                             const char           *column,
                                             gint64                id,
                                             const char           *value);
void                    assert_badges       (Rig                  *rig,
                                             const char           *expected);

/* Opening and closing the workspace, and choosing what the pane lists */
void                    open_pane           (Rig                  *rig);
void                    close_pane          (Rig                  *rig);
void                    rig_set_up          (Rig                  *rig,
                                             gconstpointer         data);
void                    rig_tear_down       (Rig                  *rig,
                                             gconstpointer         data);
void                    choose_view         (Rig                  *rig,
                                             const char           *title);
void                    search_for          (Rig                  *rig,
                                             const char           *text);
gint64                  assert_view         (Rig                  *rig,
                                             const char           *where);

G_END_DECLS
