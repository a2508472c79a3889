/* soak-util.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fake-mastodon.h"

G_BEGIN_DECLS

/* What the crash soaks share: the real chorusctl run as a child that is
 * killed with SIGKILL at a chosen moment, while this process's main
 * context keeps serving the fake networks that live on it; the knobs a
 * soak reads from the environment; and the checks a killed workspace
 * must pass. */

typedef struct
{
  const char * const *env;        /* extra "NAME=value" for the child, or NULL */
  const char         *log;        /* where its stdout and stderr go */
  guint               delay_ms;   /* SIGKILL after this long; 0 for never */
  gint               *pid_slot;   /* set to its pid while it runs, for kills from elsewhere */
  const char         *input;      /* its standard input, or NULL for none */
  const char         *cwd;        /* its working folder, or NULL for this one's */
  int                 crash;      /* a signal that may end it too, as SIGKILL may; 0 for none */
} SoakRun;

gboolean      soak_run_chorusctl    (const SoakRun       *run,
                                     const char          *workspace,
                                     const char          *first,
                                     ...) G_GNUC_NULL_TERMINATED;
gboolean      soak_run_chorusctlv   (const SoakRun       *run,
                                     const char          *workspace,
                                     const char * const  *args);
void          soak_run_chorusctl_ok (const char * const  *env,
                                     const char          *log,
                                     const char          *workspace,
                                     const char          *first,
                                     ...) G_GNUC_NULL_TERMINATED;

guint         soak_env_uint         (const char          *name,
                                     guint                fallback);
GRand        *soak_new_rand         (const char          *what,
                                     guint               *trials);

gboolean      soak_wal_written      (const char          *path);
void          soak_copy_workspace   (const char          *from,
                                     const char          *to);
gint64        soak_quick_check      (const char          *path,
                                     const char          *count_sql);
void          soak_assert_integrity (const char          *path);
void          soak_assert_same_rows (const char          *path,
                                     const char          *expected_path,
                                     const char          *sql);

FakeMastodon *soak_start_mastodon   (const char          *tag,
                                     const char          *token,
                                     guint                statuses,
                                     guint                mention_every,
                                     guint                reply_every);

int           soak_main             (int                 *argc,
                                     char              ***argv,
                                     const char          *test_path,
                                     GTestFunc            test);

G_END_DECLS
