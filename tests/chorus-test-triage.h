/* chorus-test-triage.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the triage tests share: a workspace of five conversations that came
 * in through chorus_store_ingest(), a team of two (Ana Lima, who is "me",
 * and Bo Chen), every conversations-changed signal recorded, and waiting
 * for the store's async calls. Helpers fail the running test when what
 * they do goes wrong. */

#pragma once

#include "chorus-error.h"
#include "chorus-store-ingest.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "chorus-store-team.h"
#include "chorus-store-triage.h"
#include "chorus-test-util.h"

G_BEGIN_DECLS

#define N_CONVERSATIONS 5

/* The built-in statuses' ids (migration 1). */
enum { NEW = 1, OPEN = 2, WAITING = 3, DONE = 4 };

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
  gint64               source;
  gint64               c[N_CONVERSATIONS];   /* conversation ids, oldest first */
  gint64               ana;                  /* team members; Ana is "me" */
  gint64               bo;
  GAsyncResult        *result;
  guint                announced_before_result;
  GPtrArray           *announced;            /* GArray of gint64, one per signal */
} Fixture;

/* The last conversations-changed signal named exactly these conversations
 * (indexes in the fixture), in this order. */
#define assert_announced(f, ...) \
  G_STMT_START { \
    g_autofree char *got_ = last_announced (f); \
    g_autofree char *want_ = expected_ids (f, __VA_ARGS__, -1); \
    g_assert_cmpstr (got_, ==, want_); \
  } G_STMT_END

typedef GPtrArray *(*ListFinish) (ChorusStore *, GAsyncResult *, GError **);
typedef gint64     (*Finish)     (Fixture *, GError **);

void          fixture_set_up    (Fixture        *f,
                                 gconstpointer   data);
void          fixture_tear_down (Fixture        *f,
                                 gconstpointer   data);
void          reopen_store      (Fixture        *f);

/* Pass on_done_cb and the fixture to an _async() call, then finish. */
void          on_done_cb        (GObject        *source,
                                 GAsyncResult   *result,
                                 gpointer        user_data);
GAsyncResult *wait_result       (Fixture        *f);
gint64        finish_triage     (Fixture        *f,
                                 GError        **error);
gint64        finish_edit       (Fixture        *f,
                                 GError        **error);
gint64        triage_ok         (Fixture        *f);
gint64        edit_ok           (Fixture        *f);
void          assert_refused    (Fixture        *f,
                                 Finish          finish,
                                 int             code,
                                 const char     *message);
GPtrArray    *finish_list       (Fixture        *f,
                                 ListFinish      finish);
gboolean      undo_ok           (Fixture        *f,
                                 gint64          audit_id);

/* Conversations by their index in the fixture, -1 ending a list. */
GArray       *ids_of            (Fixture        *f,
                                 int             first,
                                 ...);
gint64        query_int         (Fixture        *f,
                                 const char     *format,
                                 ...) G_GNUC_PRINTF (2, 3);
gint64        column_of         (Fixture        *f,
                                 const char     *column,
                                 int             conversation);
char         *last_announced    (Fixture        *f);
char         *expected_ids      (Fixture        *f,
                                 int             first,
                                 ...);
char         *history_of        (Fixture        *f,
                                 int             conversation);
GPtrArray    *list_tags         (Fixture        *f);
GPtrArray    *list_notes        (Fixture        *f,
                                 int             conversation);

G_END_DECLS
