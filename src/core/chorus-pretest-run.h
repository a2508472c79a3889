/* chorus-pretest-run.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One way a campaign's variants were put to the community. */
typedef enum
{
  CHORUS_INSTRUMENT_MASTODON_POLL,
  CHORUS_INSTRUMENT_DISCOURSE_POLL,
  CHORUS_INSTRUMENT_VARIANT_POSTS,
  CHORUS_INSTRUMENT_MANUAL,
} ChorusInstrument;

#define CHORUS_TYPE_PRETEST_RUN (chorus_pretest_run_get_type ())

G_DECLARE_FINAL_TYPE (ChorusPretestRun, chorus_pretest_run, CHORUS, PRETEST_RUN, GObject)

gint64            chorus_pretest_run_get_id             (ChorusPretestRun *self);
ChorusInstrument  chorus_pretest_run_get_instrument     (ChorusPretestRun *self);
gint64            chorus_pretest_run_get_source_id      (ChorusPretestRun *self);
const char       *chorus_pretest_run_get_source_name    (ChorusPretestRun *self);
const char       *chorus_pretest_run_get_state          (ChorusPretestRun *self);
gint64            chorus_pretest_run_get_started_at     (ChorusPretestRun *self);
gint64            chorus_pretest_run_get_ends_at        (ChorusPretestRun *self);
gint64            chorus_pretest_run_get_closed_at      (ChorusPretestRun *self);
const char       *chorus_pretest_run_get_provenance     (ChorusPretestRun *self);
gint64            chorus_pretest_run_get_last_refreshed (ChorusPretestRun *self);
const char       *chorus_pretest_run_get_send_state     (ChorusPretestRun *self);
const char       *chorus_pretest_run_get_send_error     (ChorusPretestRun *self);
const char       *chorus_pretest_run_get_notice         (ChorusPretestRun *self);

const char       *chorus_instrument_to_string           (ChorusInstrument  instrument);
gboolean          chorus_instrument_from_string         (const char       *text,
                                                         ChorusInstrument *instrument);

G_END_DECLS
