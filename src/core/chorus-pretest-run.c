/* chorus-pretest-run.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-campaign-private.h"
#include "chorus-pretest-run.h"

struct _ChorusPretestRun
{
  GObject parent_instance;

  ChorusPretestRunFields fields;
};

G_DEFINE_FINAL_TYPE (ChorusPretestRun, chorus_pretest_run, G_TYPE_OBJECT)

static const char * const instrument_names[] = {
  [CHORUS_INSTRUMENT_MASTODON_POLL] = "mastodon_poll",
  [CHORUS_INSTRUMENT_DISCOURSE_POLL] = "discourse_poll",
  [CHORUS_INSTRUMENT_VARIANT_POSTS] = "variant_posts",
  [CHORUS_INSTRUMENT_MANUAL] = "manual",
};

static void
chorus_pretest_run_finalize (GObject *object)
{
  ChorusPretestRun *self = (ChorusPretestRun *)object;

  g_free (self->fields.source_name);
  g_free (self->fields.state);
  g_free (self->fields.provenance);
  g_free (self->fields.send_state);
  g_free (self->fields.send_error);
  g_free (self->fields.notice);

  G_OBJECT_CLASS (chorus_pretest_run_parent_class)->finalize (object);
}

static void
chorus_pretest_run_class_init (ChorusPretestRunClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chorus_pretest_run_finalize;
}

static void
chorus_pretest_run_init (ChorusPretestRun *self)
{
}

/* Takes the strings of @fields. */
ChorusPretestRun *
_chorus_pretest_run_new (ChorusPretestRunFields *fields)
{
  ChorusPretestRun *self = g_object_new (CHORUS_TYPE_PRETEST_RUN, NULL);

  self->fields = *fields;
  memset (fields, 0, sizeof *fields);

  return self;
}

const char *
chorus_instrument_to_string (ChorusInstrument instrument)
{
  g_return_val_if_fail (instrument <= CHORUS_INSTRUMENT_MANUAL, NULL);

  return instrument_names[instrument];
}

gboolean
chorus_instrument_from_string (const char       *text,
                               ChorusInstrument *instrument)
{
  for (guint i = 0; i < G_N_ELEMENTS (instrument_names); i++)
    {
      if (g_strcmp0 (text, instrument_names[i]) == 0)
        {
          *instrument = i;
          return TRUE;
        }
    }

  return FALSE;
}

gint64
chorus_pretest_run_get_id (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), 0);
  return self->fields.id;
}

ChorusInstrument
chorus_pretest_run_get_instrument (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), CHORUS_INSTRUMENT_MANUAL);
  return self->fields.instrument;
}

/* The source it was published to, or 0 (manual results, or a source since removed). */
gint64
chorus_pretest_run_get_source_id (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), 0);
  return self->fields.source_id;
}

/* Nullable. */
const char *
chorus_pretest_run_get_source_name (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), NULL);
  return self->fields.source_name;
}

/* "draft", "running", "paused", "closed" or "archived". */
const char *
chorus_pretest_run_get_state (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), NULL);
  return self->fields.state;
}

gint64
chorus_pretest_run_get_started_at (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), 0);
  return self->fields.started_at;
}

/* When a poll closes on its network, or 0. */
gint64
chorus_pretest_run_get_ends_at (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), 0);
  return self->fields.ends_at;
}

gint64
chorus_pretest_run_get_closed_at (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), 0);
  return self->fields.closed_at;
}

/* Where manual results came from (a file, a channel), or %NULL. */
const char *
chorus_pretest_run_get_provenance (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), NULL);
  return self->fields.provenance;
}

gint64
chorus_pretest_run_get_last_refreshed (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), 0);
  return self->fields.last_refreshed_at;
}

/* The outbox state of what the run publishes ("queued", "sending", "sent",
 * "failed"; the least advanced of its posts), or %NULL when it publishes nothing. */
const char *
chorus_pretest_run_get_send_state (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), NULL);
  return self->fields.send_state;
}

/* Why publishing failed, or %NULL. */
const char *
chorus_pretest_run_get_send_error (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), NULL);
  return self->fields.send_error;
}

/* What the run's latest refresh could not read, in words for a person
 * (a deleted post, a poll that hides its results…), or %NULL. */
const char *
chorus_pretest_run_get_notice (ChorusPretestRun *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETEST_RUN (self), NULL);

  return self->fields.notice;
}
