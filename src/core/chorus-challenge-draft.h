/* chorus-challenge-draft.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CHORUS_CHALLENGE_MAX_TITLE_CHARS   120
#define CHORUS_CHALLENGE_MAX_HASHTAG_CHARS 100
#define CHORUS_CHALLENGE_MAX_CRITERIA      8

/* One thing the jury scores entries on, and how much it counts against
 * the others. @id names the stored criterion it was loaded from, so that
 * renaming it keeps the scores already given; 0 for a new one. */
typedef struct
{
  gint64  id;
  char   *name;
  double  weight;
} ChorusCriterionDraft;

/* A challenge as the editor or chorusctl hands it to the store. Times are
 * Unix seconds. */
typedef struct
{
  char      *title;
  char      *brief;
  char      *hashtag;            /* without the '#' once validated */
  gint64     submissions_open;
  gint64     submissions_close;
  gint64     voting_open;
  gint64     voting_close;
  char      *terms;              /* the licence an entrant grants */
  char      *prizes;
  char      *eligibility;
  char      *scale;              /* "score5" or "support" */
  double     community_weight;   /* 0 to 1; the jury weighs the rest */
  GArray    *jury;               /* of gint64, team member ids */
  GPtrArray *criteria;           /* of ChorusCriterionDraft, in order */
} ChorusChallengeDraft;

#define CHORUS_TYPE_CHALLENGE_DRAFT (chorus_challenge_draft_get_type ())

GType                 chorus_challenge_draft_get_type      (void) G_GNUC_CONST;
ChorusChallengeDraft *chorus_challenge_draft_new           (const char                 *title);
ChorusChallengeDraft *chorus_challenge_draft_copy          (const ChorusChallengeDraft *self);
void                  chorus_challenge_draft_free          (ChorusChallengeDraft       *self);
void                  chorus_challenge_draft_set_text      (char                      **field,
                                                            const char                 *text);
void                  chorus_challenge_draft_add_juror     (ChorusChallengeDraft       *self,
                                                            gint64                      member_id);
gboolean              chorus_challenge_draft_has_juror     (const ChorusChallengeDraft *self,
                                                            gint64                      member_id);
ChorusCriterionDraft *chorus_challenge_draft_add_criterion (ChorusChallengeDraft       *self,
                                                            const char                 *name,
                                                            double                      weight);
gboolean              chorus_challenge_draft_validate      (ChorusChallengeDraft       *self,
                                                            GError                    **error);
void                  chorus_challenge_draft_set_default_dates (ChorusChallengeDraft   *self,
                                                            GDateTime                  *today);
gint64                chorus_challenge_day_bound           (GDateTime                  *day,
                                                            gboolean                    end_of_day);
gboolean              chorus_challenge_scale_is_valid      (const char                 *scale);
gboolean              chorus_challenge_same_name           (const char                 *a,
                                                            const char                 *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusChallengeDraft, chorus_challenge_draft_free)

G_END_DECLS
